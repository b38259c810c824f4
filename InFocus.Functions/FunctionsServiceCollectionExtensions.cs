using InFocus.Domain;
using InFocus.Functions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The function app's services: the domain plus the HTTP call path. <c>Program.cs</c> and the development host
    /// both call this, so a function runs with the same services wherever it is hosted.
    /// </summary>
    public static IServiceCollection AddInFocusFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInFocus(configuration);
        services.AddSingleton<HttpEndpoint>();
        services.AddSingleton<HtmlPageEndpoint>();
        services.AddScoped<AuthenticatedEndpoint>();
        return services;
    }
}
