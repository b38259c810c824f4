using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Common.Storage;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using InFocus.Domain.Families;
using InFocus.Domain.Imports;
using InFocus.Domain.Invitations;
using InFocus.Domain.Maintenance;
using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Notifications;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Tonight;
using InFocus.Domain.Watchlist;
using InFocus.Domain.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InFocus.Domain;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything InFocus needs, registered once for every host that runs it: the Functions worker, the development
    /// host, the database tool and the tests.
    /// </summary>
    public static IServiceCollection AddInFocus(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddInFocusDatabase(configuration);
        services.AddInFocusStorage(configuration);
        services.AddInFocusEmail(configuration);
        services.AddEmails(configuration);
        services.AddAccounts(configuration);
        services.AddMaintenance();
        services.AddMedia(configuration);
        services.AddAvailability();
        services.AddFamilies();
        services.AddInvitations(configuration);
        services.AddWatchlist(configuration);
        services.AddRecommendations(configuration);
        services.AddProgress();
        services.AddTonight();
        services.AddNotifications(configuration);
        services.AddImports(configuration);
        services.AddWebhooks(configuration);
        return services;
    }
}
