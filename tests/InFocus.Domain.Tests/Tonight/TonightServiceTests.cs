using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Tonight;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Tonight;

/// <summary>
/// Tonight for a family of Ada (admin, US, Netflix) and Bob (Peacock): which wanted titles qualify, how they rank, how
/// they explain themselves, and that the cost is two statements whatever the size of the lists.
/// </summary>
public sealed class TonightServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private const int Netflix = 8;
    private const int Peacock = 387;
    private const int DisneyPlus = 337;

    [Fact]
    public async Task Titles_wanted_by_the_present_members_on_their_services_rank_by_who_wants_them_then_recommendations_then_popularity()
    {
        var world = await WorldAsync();

        var tonight = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(null, null, null, null, null));

        Assert.Equal("US", tonight.Region);
        Assert.Equal(["Ada", "Bob"], tonight.Members.Select(m => m.Name));
        Assert.Equal(["Both", "Recommended", "Popular show", "On Peacock"], tonight.Items.Select(i => i.Media.Title));
        var both = tonight.Items[0];
        Assert.Equal(["Ada", "Bob"], both.WantedBy.Select(m => m.Name));
        Assert.Equal((120, 10.5m), (both.Runtime, both.Popularity));
        var offer = both.AvailableOn.Single();
        Assert.Equal((Netflix, "Netflix", StreamingOfferType.Subscription, "Ada"), (offer.ProviderId, offer.Provider, offer.OfferType, offer.Through.Single().Name));
        Assert.Equal(1, tonight.Items[1].AcceptedRecommendations);
        Assert.Equal("Bob", tonight.Items[3].AvailableOn.Single().Through.Single().Name);
    }

    [Fact]
    public async Task Only_the_members_present_count_for_wanting_and_for_services()
    {
        var world = await WorldAsync();

        var bobAlone = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(world.Bob.UserId, null, null, null, null));

        Assert.Equal(["Bob"], bobAlone.Members.Select(m => m.Name));
        Assert.Equal(["On Peacock"], bobAlone.Items.Select(i => i.Media.Title));
    }

    [Fact]
    public async Task Type_runtime_offer_and_limit_narrow_the_suggestions()
    {
        var world = await WorldAsync();

        var shows = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(null, "tv", null, null, null));
        var short_ = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(null, null, "100", null, null));
        var rentals = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(null, null, null, "rent", null));
        var top = await TonightAsync(world.Ada, world.FamilyId, new TonightQuery(null, null, null, null, "1"));

        Assert.Equal(["Popular show"], shows.Items.Select(i => i.Media.Title));
        Assert.Equal(["Recommended", "Popular show"], short_.Items.Select(i => i.Media.Title));
        Assert.Empty(rentals.Items);
        Assert.Equal(["Both"], top.Items.Select(i => i.Media.Title));
    }

    [Fact]
    public async Task Outsiders_get_404_strangers_among_the_members_and_bad_values_are_400_and_a_family_without_region_is_409()
    {
        var world = await WorldAsync();
        var eve = await fixture.UserAsync("Eve");
        var eveFamily = await fixture.FamilyAsync(eve);

        await Assert.ThrowsAsync<NotFoundException>(() => TonightAsync(eve, world.FamilyId, new TonightQuery(null, null, null, null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => TonightAsync(world.Ada, "not-an-id", new TonightQuery(null, null, null, null, null)));
        var stranger = await Assert.ThrowsAsync<ValidationException>(() => TonightAsync(world.Ada, world.FamilyId, new TonightQuery(eve.UserId, null, null, null, null)));
        var bad = await Assert.ThrowsAsync<ValidationException>(() => TonightAsync(world.Ada, world.FamilyId, new TonightQuery("x", "film", "0", "stream", "51")));
        await Assert.ThrowsAsync<ConflictException>(() => TonightAsync(eve, eveFamily, new TonightQuery(null, null, null, null, null)));

        Assert.Equal(["members"], stranger.Errors.Keys);
        Assert.Equal(["limit", "maxRuntime", "members", "offer", "type"], bad.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_show_in_progress_for_a_present_member_ranks_after_recommendations_and_names_their_next_episode()
    {
        var world = await WorldAsync();
        var shows = await fixture.InsertShowsAsync(2, 1, 3, new DateOnly(2020, 1, 1));
        var adaEntry = Cuid.NewId();
        await fixture.DbAsync(async db =>
        {
            // Both want both shows; the second is far more popular, the first is in progress for Ada.
            await db.Database.ExecuteSqlAsync($"UPDATE media_items SET popularity = CASE WHEN id = {shows[1]} THEN 1000 ELSE 1 END WHERE id = ANY({shows})");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
                SELECT 'c' || substr(md5(s || 'offer'), 1, 24), s, 8, 'Netflix', 'subscription', ARRAY['US'] FROM unnest({shows}) AS s
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
                SELECT CASE WHEN u = {world.Ada.UserId} AND s = {shows[0]} THEN {adaEntry} ELSE 'c' || substr(md5(u || s), 1, 24) END, u, s, 'not_watched'
                FROM unnest({shows}) AS s, unnest({new[] { world.Ada.UserId, world.Bob.UserId }}) AS u
                """);
        });
        await fixture.WithAsync<Domain.Progress.ProgressService>(s => s.RecordAsync(world.Ada, adaEntry, new Domain.Progress.RecordViewingsRequest(1, 1, null, null, null), default));

        var tonight = await TonightAsync(world.Bob, world.FamilyId, new TonightQuery(null, "tv", null, null, null));
        var bobAlone = await TonightAsync(world.Bob, world.FamilyId, new TonightQuery(world.Bob.UserId, "tv", null, null, null));

        Assert.Equal([shows[0], shows[1]], tonight.Items.Take(2).Select(i => i.Media.Id));
        var progress = tonight.Items[0].InProgressFor.Single();
        Assert.Equal(("Ada", 1, 2, "Episode 2"), (progress.Name, progress.NextEpisode.Season, progress.NextEpisode.Number, progress.NextEpisode.Name));
        Assert.Empty(tonight.Items[1].InProgressFor);
        Assert.All(bobAlone.Items, i => Assert.Empty(i.InProgressFor));
    }

    [Fact]
    public async Task Tonight_is_two_statements_for_2_members_with_20_titles_or_8_members_with_5000_titles_each()
    {
        var counts = new List<(int Items, int Statements)>();
        foreach (var (members, titles) in new[] { (2, 20), (8, 5_000) })
        {
            var users = new List<CurrentUser>();
            for (var i = 0; i < members; i++)
            {
                users.Add(await fixture.UserAsync($"Member {i}"));
            }

            var familyId = await fixture.FamilyAsync(users[0], [.. users.Skip(1)]);
            var ids = await fixture.InsertTitlesAsync(titles);
            await fixture.DbAsync(async db =>
            {
                await db.Users.Where(u => u.Id == users[0].UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Region, "US"));
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
                    SELECT id, media_item_id, 8, 'Netflix', 'subscription', ARRAY['US'] FROM unnest({BulkData.NewIds(titles)}, {ids}) AS t(id, media_item_id)
                    """);
                foreach (var user in users)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
                        SELECT id, {user.UserId}, media_item_id, 'not_watched' FROM unnest({BulkData.NewIds(titles)}, {ids}) AS t(id, media_item_id)
                        """);
                    await db.Database.ExecuteSqlAsync($"INSERT INTO subscriptions (id, user_id, tmdb_provider_id) VALUES ({Cuid.NewId()}, {user.UserId}, 8)");
                }
            });
            // A tenth of the titles (as many as a page at most) are shows in progress for every member, one episode in.
            var shows = await fixture.InsertShowsAsync(Math.Min(titles / 10, TonightService.MaxLimit), 1, 10, new DateOnly(2020, 1, 1));
            await fixture.DbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
                    SELECT 'c' || substr(md5(s || 'offer'), 1, 24), s, 8, 'Netflix', 'subscription', ARRAY['US'] FROM unnest({shows}) AS s
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO watchlist_entries (id, user_id, media_item_id, status, last_watched_at)
                    SELECT 'c' || substr(md5(u || s), 1, 24), u, s, 'watching', timestamptz '2025-01-01'
                    FROM unnest({shows}) AS s, unnest({users.Select(u => u.UserId).ToArray()}) AS u
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
                    SELECT 'c' || substr(md5(u || e.id), 1, 24), u, e.media_item_id, e.id, timestamptz '2025-01-01'
                    FROM episodes AS e, unnest({users.Select(u => u.UserId).ToArray()}) AS u
                    WHERE e.media_item_id = ANY ({shows}) AND e.number = 1
                    """);
            });

            await using var scope = fixture.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<TonightService>();
            fixture.Statements.Reset();
            var tonight = await service.GetAsync(users[0], familyId, new TonightQuery(null, null, null, null, TonightService.MaxLimit.ToString()), default);
            counts.Add((tonight.Items.Count, fixture.Statements.Count));
            Assert.All(tonight.Items, i => Assert.Equal(members, i.WantedBy.Count));
            Assert.All(tonight.Items.Take(shows.Length), i => Assert.Equal((members, 2), (i.InProgressFor.Count, i.InProgressFor[0].NextEpisode.Number)));
        }

        Assert.Equal([(22, 2), (TonightService.MaxLimit, 2)], counts);
    }

    private Task<TonightResponse> TonightAsync(CurrentUser user, string familyId, TonightQuery query) =>
        fixture.WithAsync<TonightService, TonightResponse>(s => s.GetAsync(user, familyId, query, default));

    /// <summary>
    /// Ada (US, Netflix) and Bob (Peacock) with their wishes: "Both" (both want it, Netflix), "Popular show" (Ada, Netflix,
    /// very popular), "On Peacock" (Bob), "Recommended" (Bob, Netflix, recommended by Ada and accepted), and titles that
    /// must not show: on a service nobody has, completed by the only one who wanted it, offered in GB only, to rent only.
    /// </summary>
    internal async Task<TonightWorld> WorldAsync()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var adaUser = await fixture.DbAsync(db => db.Users.SingleAsync(u => u.Id == ada.UserId));
        var bobUser = await fixture.DbAsync(db => db.Users.SingleAsync(u => u.Id == bob.UserId));

        var both = Title("Both", MediaType.Movie, 120, 10.5m);
        var popular = Title("Popular show", MediaType.Tv, 45, 500m);
        var peacock = Title("On Peacock", MediaType.Movie, 200, 50m);
        var recommended = Title("Recommended", MediaType.Movie, null, 1m);
        var nobodysService = Title("On Disney Plus", MediaType.Movie, 100, 900m);
        var completed = Title("Seen it", MediaType.Movie, 100, 900m);
        var gbOnly = Title("British", MediaType.Movie, 100, 900m);
        var rentOnly = Title("To rent", MediaType.Movie, 100, 900m);
        await fixture.SaveAsync(
            both, popular, peacock, recommended, nobodysService, completed, gbOnly, rentOnly,
            Entities.Provider(both, Netflix), Entities.Provider(popular, Netflix), Entities.Provider(peacock, Peacock),
            Entities.Provider(recommended, Netflix), Entities.Provider(nobodysService, DisneyPlus), Entities.Provider(completed, Netflix),
            Entities.Provider(gbOnly, Netflix, StreamingOfferType.Subscription, "GB"), Entities.Provider(rentOnly, 2, StreamingOfferType.Rent),
            Entities.WatchlistEntry(adaUser, both), Entities.WatchlistEntry(bobUser, both), Entities.WatchlistEntry(adaUser, popular, WatchStatus.Watching),
            Entities.WatchlistEntry(bobUser, peacock), Entities.WatchlistEntry(bobUser, recommended), Entities.WatchlistEntry(adaUser, nobodysService),
            Entities.WatchlistEntry(bobUser, nobodysService), Entities.WatchlistEntry(adaUser, completed, WatchStatus.Completed),
            Entities.WatchlistEntry(adaUser, gbOnly), Entities.WatchlistEntry(adaUser, rentOnly),
            Entities.Recommendation(adaUser, bobUser, recommended, RecommendationStatus.Accepted));
        await fixture.DbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == ada.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Region, "US"));
            db.Subscriptions.AddRange(
                new Domain.Availability.Subscription { UserId = ada.UserId, TmdbProviderId = Netflix },
                new Domain.Availability.Subscription { UserId = bob.UserId, TmdbProviderId = Peacock });
            await db.SaveChangesAsync();
        });
        return new TonightWorld(ada, bob, familyId, both.Id, popular.Id);
    }

    private static MediaItem Title(string title, MediaType type, int? runtime, decimal popularity)
    {
        var item = Entities.MediaItem(title, type);
        item.Runtime = runtime;
        item.Popularity = popularity;
        return item;
    }

    internal sealed record TonightWorld(CurrentUser Ada, CurrentUser Bob, string FamilyId, string BothId, string PopularId);
}
