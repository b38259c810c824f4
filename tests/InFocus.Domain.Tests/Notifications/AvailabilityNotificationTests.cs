using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Notifications;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Notifications;

/// <summary>
/// The provider refresh notifies arrivals: a wanted title that starts streaming on one of my services in my region.
/// The fake's offers for Fight Club change between refreshes (arriving on Netflix in the US, leaving, arriving again).
/// </summary>
public sealed class AvailabilityNotificationTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private static readonly TimeSpan PastMaxAge = TimeSpan.FromHours(25);

    [Fact]
    public async Task An_arrival_notifies_each_user_who_wants_the_title_in_that_region_with_that_service_once_per_arrival()
    {
        var title = await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.EnsureAsync(TmdbFixtures.FightClub, MediaType.Movie, default));
        var wants = await UserAsync("US", [8], title.MediaItemId, WatchStatus.NotWatched);
        var elsewhere = await UserAsync("GB", [8], title.MediaItemId, WatchStatus.NotWatched);
        var otherService = await UserAsync("US", [337], title.MediaItemId, WatchStatus.Watching);
        var seenIt = await UserAsync("US", [8], title.MediaItemId, WatchStatus.Completed);
        var notWanted = await UserAsync("US", [8], null, WatchStatus.NotWatched);

        try
        {
            var arrives = TmdbFixtures.WatchProviders(("US", "flatrate", 8, "Netflix"), ("US", "ads", 8, "Netflix"), ("US", "rent", 337, "Disney Plus"));
            await RefreshWithAsync(arrives);
            await RefreshWithAsync(arrives);
            var afterFirst = await NotificationsAsync(title.MediaItemId);
            await RefreshWithAsync(TmdbFixtures.WatchProviders(("US", "rent", 8, "Netflix")));
            await RefreshWithAsync(arrives);
            var afterReturn = await NotificationsAsync(title.MediaItemId);

            Assert.Equal([(wants, 8, "Netflix", "US")], afterFirst.Select(n => (n.UserId, n.TmdbProviderId!.Value, n.Provider!, n.Region!)));
            Assert.Equal([wants, wants], afterReturn.Select(n => n.UserId));
            Assert.DoesNotContain(afterReturn, n => n.UserId == elsewhere || n.UserId == otherService || n.UserId == seenIt || n.UserId == notWanted);
        }
        finally
        {
            fixture.Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.FightClub, (System.Text.Json.Nodes.JsonObject)TmdbFixtures.Details(MediaType.Movie, TmdbFixtures.FightClub)["watch/providers"]!["results"]!.DeepClone());
        }
    }

    [Fact]
    public async Task Notifying_1000_users_of_an_arrival_costs_the_same_statements_as_notifying_10()
    {
        var costs = new List<(int Notified, int Statements)>();
        foreach (var users in new[] { 10, 1_000 })
        {
            var titleId = (await fixture.InsertTitlesAsync(1)).Single();
            await fixture.DbAsync(async db =>
            {
                var ids = BulkData.NewIds(users);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO users (id, email, password_hash, name, region)
                    SELECT id, id || '@fanout.test', 'x', 'Fan ' || n, 'US' FROM unnest({ids}) WITH ORDINALITY AS t(id, n)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO subscriptions (id, user_id, tmdb_provider_id) SELECT 'c' || left(md5(id), 24), id, 8 FROM unnest({ids}) AS t(id)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO watchlist_entries (id, user_id, media_item_id, status) SELECT 'c' || left(md5(id || 'w'), 24), id, {titleId}, 'not_watched' FROM unnest({ids}) AS t(id)
                    """);
            });
            var offers = new List<ProviderOffer> { new(8, "Netflix", StreamingOfferType.Subscription, null, null, ["US"]) };

            fixture.Statements.Reset();
            await fixture.DbAsync(db => CatalogWriter.RefreshProvidersAsync(db, titleId, offers, fixture.Clock.GetUtcNow(), default));
            var statements = fixture.Statements.Count;
            costs.Add((await fixture.DbAsync(db => db.Notifications.CountAsync(n => n.MediaItemId == titleId)), statements));
        }

        Assert.Equal(10, costs[0].Notified);
        Assert.Equal(1_000, costs[1].Notified);
        Assert.Equal(costs[0].Statements, costs[1].Statements);
    }

    private async Task RefreshWithAsync(System.Text.Json.Nodes.JsonObject results)
    {
        fixture.Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.FightClub, (System.Text.Json.Nodes.JsonObject)results.DeepClone());
        fixture.Clock.Advance(PastMaxAge);
        await fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(default));
    }

    private Task<List<Notification>> NotificationsAsync(string mediaItemId) =>
        fixture.DbAsync(db => db.Notifications.Where(n => n.MediaItemId == mediaItemId && n.Type == NotificationType.TitleAvailable).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());

    private async Task<string> UserAsync(string region, int[] services, string? wanted, WatchStatus status)
    {
        var user = Entities.User();
        user.Region = region;
        await fixture.SaveAsync(user);
        await fixture.DbAsync(async db =>
        {
            db.Subscriptions.AddRange(services.Select(p => new Subscription { UserId = user.Id, TmdbProviderId = p }));
            if (wanted is not null)
            {
                db.WatchlistEntries.Add(new WatchlistEntry { UserId = user.Id, MediaItemId = wanted, Status = status });
            }

            await db.SaveChangesAsync();
        });
        return user.Id;
    }
}
