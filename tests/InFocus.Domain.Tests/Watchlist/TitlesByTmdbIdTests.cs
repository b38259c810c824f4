using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Watchlist;

/// <summary>Watchlist entries and recommendations naming a title by TMDB id import it through the media catalog.</summary>
public sealed class TitlesByTmdbIdTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private FakeTmdbServer Tmdb => fixture.Tmdb;

    [Fact]
    public async Task Adding_a_title_not_in_the_catalog_imports_it_once_and_lists_it_with_its_poster()
    {
        var (user, other) = (Entities.User(), Entities.User());
        await fixture.SaveAsync(user, other);
        await ForgetAsync(TmdbFixtures.BreakingBad, MediaType.Tv);
        Tmdb.ClearRequests();

        var entry = await AddAsync(user, new(null, TmdbFixtures.BreakingBad, "tv", "watching", null, null));
        var theirs = await AddAsync(other, new(null, TmdbFixtures.BreakingBad, "tv", null, null, null));

        Assert.Equal(("Breaking Bad", MediaType.Tv, TmdbFixtures.BreakingBad), (entry.Media.Title, entry.Media.Type, entry.Media.TmdbId));
        Assert.StartsWith("https://image.tmdb.org/t/p/w500/", entry.Media.PosterUrl, StringComparison.Ordinal);
        Assert.Equal(entry.Media.Id, theirs.Media.Id);
        Assert.Single(Tmdb.RequestsTo($"tv/{TmdbFixtures.BreakingBad}"));
    }

    [Fact]
    public async Task A_tmdb_id_tmdb_does_not_know_is_not_found_and_adds_nothing()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);

        await Assert.ThrowsAsync<NotFoundException>(() => AddAsync(user, new(null, 987_654_321, "movie", null, null, null)));

        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == user.Id)));
    }

    [Fact]
    public async Task While_tmdb_is_down_importing_is_unavailable_but_catalog_titles_can_still_be_added_by_tmdb_id()
    {
        var user = Entities.User();
        var stored = Entities.MediaItem("Already in the catalog");
        await fixture.SaveAsync(user, stored);
        Tmdb.StartOutage(FakeTmdbReply.Status(500));
        try
        {
            await Assert.ThrowsAsync<DependencyUnavailableException>(() => AddAsync(user, new(null, TmdbFixtures.GameOfThrones, "tv", null, null, null)));
            var entry = await AddAsync(user, new(null, stored.TmdbId, "movie", null, null, null));

            Assert.Equal(stored.Id, entry.Media.Id);
        }
        finally
        {
            Tmdb.EndOutage();
        }
    }

    [Fact]
    public async Task A_recommendation_can_name_a_title_by_tmdb_id_and_imports_it()
    {
        var (sender, recipient) = (Entities.User(), Entities.User());
        var family = Entities.Family(sender);
        await fixture.SaveAsync(sender, recipient, family, Entities.Membership(family, sender, FamilyRole.Admin), Entities.Membership(family, recipient));
        await ForgetAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);

        var recommendation = await fixture.WithAsync<RecommendationService, RecommendationResponse>(s =>
            s.CreateAsync(sender.AsCaller(), new(null, TmdbFixtures.ShawshankRedemption, "movie", recipient.Id, "A classic."), default));

        Assert.Equal("The Shawshank Redemption", recommendation.Media.Title);
        Assert.True(await fixture.DbAsync(db => db.MediaItems.AnyAsync(m => m.Id == recommendation.Media.Id)));
    }

    private Task<WatchlistEntryResponse> AddAsync(User user, AddWatchlistEntryRequest request) =>
        fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.AddAsync(user.AsCaller(), request, default));

    private Task ForgetAsync(int tmdbId, MediaType type) =>
        fixture.DbAsync(db => db.MediaItems.Where(m => m.TmdbId == tmdbId && m.TmdbType == type).ExecuteDeleteAsync());
}
