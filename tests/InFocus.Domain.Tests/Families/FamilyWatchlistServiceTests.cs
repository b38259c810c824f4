using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Families;

public sealed class FamilyWatchlistServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task The_shared_watchlist_ranks_titles_by_how_many_members_have_them_with_each_members_status_and_rating()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var carol = await fixture.UserAsync("Carol");
        var outsider = await fixture.UserAsync("Outsider");
        var familyId = await fixture.FamilyAsync(ada, bob, carol);
        var heat = await fixture.TitleAsync("Heat");
        var alien = await fixture.TitleAsync("Alien");
        var brazil = await fixture.TitleAsync("Brazil");
        var onlyOutsider = await fixture.TitleAsync("Outsider's pick");
        await fixture.WatchAsync(ada, heat, WatchStatus.Completed, 9);
        await fixture.WatchAsync(bob, heat, WatchStatus.NotWatched);
        await fixture.WatchAsync(carol, heat, WatchStatus.Watching);
        await fixture.WatchAsync(bob, brazil, WatchStatus.NotWatched);
        await fixture.WatchAsync(ada, alien, WatchStatus.Completed, 7);
        await fixture.WatchAsync(carol, alien, WatchStatus.NotWatched);
        await fixture.WatchAsync(outsider, onlyOutsider, WatchStatus.NotWatched);
        await fixture.WatchAsync(outsider, heat, WatchStatus.Completed, 1);

        fixture.Statements.Reset();
        var page = await fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s =>
            s.ListAsync(bob, familyId, null, PageRequest.First, default));

        Assert.Equal(2, fixture.Statements.Count);
        Assert.Equal(["Heat", "Alien", "Brazil"], page.Items.Select(i => i.Media.Title));
        Assert.Equal([3, 2, 1], page.Items.Select(i => i.MemberCount));
        var heatItem = page.Items[0];
        Assert.Equal(heat, heatItem.Media.Id);
        Assert.Equal(
            [("Ada", WatchStatus.Completed, (int?)9), ("Bob", WatchStatus.NotWatched, null), ("Carol", WatchStatus.Watching, null)],
            heatItem.Members.Select(m => (m.Name, m.Status, m.Rating)));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_status_filter_counts_only_entries_with_that_status()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var seen = await fixture.TitleAsync("Seen by both");
        var wanted = await fixture.TitleAsync("Wanted by both");
        await fixture.WatchAsync(ada, seen, WatchStatus.Completed);
        await fixture.WatchAsync(bob, seen, WatchStatus.Completed);
        await fixture.WatchAsync(ada, wanted, WatchStatus.NotWatched);
        await fixture.WatchAsync(bob, wanted, WatchStatus.NotWatched);

        var page = await fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s =>
            s.ListAsync(ada, familyId, WatchStatus.NotWatched, PageRequest.First, default));

        var item = Assert.Single(page.Items);
        Assert.Equal((wanted, 2), (item.Media.Id, item.MemberCount));
    }

    [Fact]
    public async Task A_title_is_shown_as_on_the_members_own_list()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var show = new MediaItem
        {
            TmdbId = Random.Shared.Next(1, int.MaxValue),
            TmdbType = MediaType.Tv,
            Title = "Severance",
            PosterPath = "/severance.jpg",
            ReleaseDate = new DateOnly(2022, 2, 18),
            Genres = ["Drama", "Mystery"],
        };
        await fixture.DbAsync(async db =>
        {
            db.MediaItems.Add(show);
            await db.SaveChangesAsync();
        });
        await fixture.WatchAsync(ada, show.Id, WatchStatus.Watching, 8);

        var shared = await fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s =>
            s.ListAsync(ada, familyId, null, PageRequest.First, default));
        var own = await fixture.WithAsync<WatchlistListing, Page<WatchlistEntryResponse>>(s =>
            s.ListAsync(ada, new WatchlistQuery(null, null, null), PageRequest.First, default));

        var item = Assert.Single(shared.Items);
        var media = Assert.Single(own.Items).Media;
        Assert.Equal(
            (media.Id, media.TmdbId, MediaType.Tv, "Severance", media.PosterUrl, new DateOnly(2022, 2, 18)),
            (item.Media.Id, item.Media.TmdbId, item.Media.Type, item.Media.Title, item.Media.PosterUrl, item.Media.ReleaseDate));
        Assert.NotNull(item.Media.PosterUrl);
        Assert.Equal(["Drama", "Mystery"], item.Media.Genres);
        var member = Assert.Single(item.Members);
        Assert.Equal((ada.UserId, "Ada", WatchStatus.Watching, (int?)8), (member.UserId, member.Name, member.Status, member.Rating));
    }

    [Fact]
    public async Task Pages_continue_after_the_cursor_without_gaps_or_repeats()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var expected = new List<string>();
        foreach (var title in new[] { "B", "A", "C", "A" })
        {
            var id = await fixture.TitleAsync(title);
            await fixture.WatchAsync(ada, id, WatchStatus.NotWatched);
            await fixture.WatchAsync(bob, id, WatchStatus.NotWatched);
            expected.Add(id);
        }

        foreach (var title in new[] { "Z", "D" })
        {
            var id = await fixture.TitleAsync(title);
            await fixture.WatchAsync(ada, id, WatchStatus.NotWatched);
        }

        var seen = new List<FamilyWatchlistItem>();
        string? cursor = null;
        do
        {
            var page = await fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s =>
                s.ListAsync(ada, familyId, null, new PageRequest(2, cursor), default));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["A", "A", "B", "C", "D", "Z"], seen.Select(i => i.Media.Title));
        Assert.Equal(6, seen.Select(i => i.Media.Id).Distinct().Count());
        Assert.Equal([2, 2, 2, 2, 1, 1], seen.Select(i => i.MemberCount));
    }

    [Fact]
    public async Task Someone_outside_the_family_gets_404()
    {
        var ada = await fixture.UserAsync("Ada");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s => s.ListAsync(eve, familyId, null, PageRequest.First, default)));
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_rejected()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var foreign = PageCursor.Encode("families", new { Name = "x", Id = "y" });

        await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(s => s.ListAsync(ada, familyId, null, new PageRequest(2, foreign), default)));
    }
}
