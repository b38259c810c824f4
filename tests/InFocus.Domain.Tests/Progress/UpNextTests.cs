using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Progress;

public sealed class UpNextTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_show_with_nothing_to_watch_next_is_skipped_and_the_cursor_still_leads_to_the_rest()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var shows = await fixture.InsertShowsAsync(3, 1, 3, new DateOnly(2020, 1, 1));
        // Newest first: shows[0], shows[1] (every episode watched, status kept "watching" by hand), shows[2].
        await WatchingAsync(user, shows, seenWhole: [shows[1]], seenFirst: [shows[0], shows[2]]);

        var first = await fixture.WithAsync<UpNextService, Page<UpNextItem>>(s => s.ListAsync(user.AsCaller(), new PageRequest(2, null), default));
        var second = await fixture.WithAsync<UpNextService, Page<UpNextItem>>(s => s.ListAsync(user.AsCaller(), new PageRequest(2, first.NextCursor), default));

        Assert.Equal([shows[0]], first.Items.Select(i => i.MediaItemId));
        Assert.NotNull(first.NextCursor);
        Assert.Equal([(shows[2], 2)], second.Items.Select(i => (i.MediaItemId, i.NextEpisode.Number)));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_movie_being_watched_is_not_up_next_and_the_shows_around_it_are()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var shows = await fixture.InsertShowsAsync(2, 1, 3, new DateOnly(2020, 1, 1));
        var movie = (await fixture.InsertTitlesAsync(1))[0];
        // Newest first: shows[0], the movie (watched, its status set back to "watching" by hand), shows[1].
        await WatchingAsync(user, [shows[0], movie, shows[1]], seenWhole: [], seenFirst: shows);

        var page = await fixture.WithAsync<UpNextService, Page<UpNextItem>>(s => s.ListAsync(user.AsCaller(), new PageRequest(10, null), default));

        Assert.Equal([(shows[0], 2), (shows[1], 2)], page.Items.Select(i => (i.MediaItemId, i.NextEpisode.Number)));
        Assert.Null(page.NextCursor);
    }

    /// <summary>
    /// The user's entries for <paramref name="titles"/>, "watching" by hand, last watched a day apart, newest first; with
    /// viewings of every episode of <paramref name="seenWhole"/> and of the first episode of <paramref name="seenFirst"/>.
    /// </summary>
    private Task WatchingAsync(User user, string[] titles, string[] seenWhole, string[] seenFirst) => fixture.DbAsync(async db =>
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO watchlist_entries (id, user_id, media_item_id, status, status_follows_progress, last_watched_at)
            SELECT id, {user.Id}, media_item_id, 'watching', false, timestamptz '2025-06-01' - n * interval '1 day'
            FROM unnest({BulkData.NewIds(titles.Length)}, {titles}) WITH ORDINALITY AS t(id, media_item_id, n)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
            SELECT 'c' || substr(md5(e.id || 'seen'), 1, 24), {user.Id}, e.media_item_id, e.id, timestamptz '2025-01-01'
            FROM episodes e WHERE e.media_item_id = ANY({seenWhole}) OR (e.media_item_id = ANY({seenFirst}) AND e.number = 1)
            """);
    });
}
