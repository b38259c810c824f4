using System.Net;
using System.Text.Json;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class WatchlistConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Adding_one_title_n_times_at_once_makes_one_entry_and_the_others_name_it_in_a_409()
    {
        using var user = await host.SignUpAsync();
        var title = await host.TitleAsync("Heat");

        var answers = await Concurrently.SendAsync(N, _ => user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id }));

        answers.AssertCounts((Created, 1), (Conflict, N - 1));
        var entryId = await host.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id).Select(e => e.Id).SingleAsync());
        Assert.All(answers.All.Where(a => a.Status == Conflict), a =>
            Assert.Equal(entryId, JsonDocument.Parse(a.Body).RootElement.GetProperty("existingEntryId").GetString()));
    }

    [Fact]
    public async Task N_updates_without_if_match_at_once_all_apply_and_the_last_write_wins()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user);

        var answers = await Concurrently.SendAsync(N, i => user.Client.PatchJsonAsync($"api/watchlist/{entry.Id}", $$"""{ "rating": {{i + 1}}, "notes": "device {{i + 1}}" }"""));

        answers.AssertCounts((OK, N));
        var stored = await host.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.InRange(stored.Rating!.Value, 1, N);
        Assert.Equal($"device {stored.Rating}", stored.Notes);
    }

    [Fact]
    public async Task N_updates_with_the_same_if_match_at_once_let_exactly_one_through_and_the_others_answer_412()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user);

        var answers = await Concurrently.SendAsync(N, i => user.Client.PatchJsonAsync($"api/watchlist/{entry.Id}", $$"""{ "rating": {{i + 1}} }""", entry.ETag));

        answers.AssertCounts((OK, 1), (PreconditionFailed, N - 1));
        var winner = answers.All.Single(a => a.Status == OK).Body;
        var stored = await host.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(JsonDocument.Parse(winner).RootElement.GetProperty("rating").GetInt32(), stored.Rating);
    }

    [Fact]
    public async Task Deleting_one_entry_n_times_at_once_deletes_it_once_and_the_others_find_nothing()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user);

        var answers = await Concurrently.SendAsync(N, _ => user.Client.DeleteAsync($"api/watchlist/{entry.Id}"));

        answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
        Assert.False(await host.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.Id == entry.Id)));
    }

    [Fact]
    public async Task Updates_racing_a_delete_either_apply_before_it_or_find_nothing_and_the_entry_is_gone()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user);

        var answers = await Concurrently.SendAsync(
        [
            () => user.Client.DeleteAsync($"api/watchlist/{entry.Id}"),
            .. Enumerable.Range(1, N - 1).Select(i => (Func<Task<HttpResponseMessage>>)(() =>
                user.Client.PatchJsonAsync($"api/watchlist/{entry.Id}", $$"""{ "rating": {{i}} }"""))),
        ]);

        Assert.Equal(NoContent, answers.All[0].Status);
        answers.AssertOnly(NoContent, OK, NotFound);
        Assert.False(await host.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.Id == entry.Id)));
    }

    [Fact]
    public async Task N_users_adding_one_title_by_tmdb_id_at_once_import_it_once_and_each_get_their_entry()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, N).Select(_ => host.SignUpAsync()));
        try
        {
            var answers = await Concurrently.SendAsync(N, i =>
                users[i].Client.PostJsonAsync("api/watchlist", new { tmdbId = TestKit.Tmdb.TmdbFixtures.BreakingBad, type = "tv" }));

            answers.AssertCounts((Created, N));
            var titles = await host.DbAsync(db => db.MediaItems.Where(m => m.TmdbId == TestKit.Tmdb.TmdbFixtures.BreakingBad).Select(m => m.Id).ToListAsync());
            var title = Assert.Single(titles);
            var userIds = users.Select(u => u.Id).ToList();
            Assert.Equal(N, await host.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.MediaItemId == title && userIds.Contains(e.UserId))));
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    [Fact]
    public async Task Importing_one_title_n_times_at_once_creates_it_once_and_the_others_refresh_it()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, N).Select(_ => host.SignUpAsync()));
        try
        {
            var answers = await Concurrently.SendAsync(N, i =>
                users[i].Client.PostJsonAsync("api/media", new { tmdbId = TestKit.Tmdb.TmdbFixtures.FightClub, type = "movie" }));

            answers.AssertCounts((Created, 1), (OK, N - 1));
            var ids = answers.All.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct();
            Assert.Equal(
                Assert.Single(ids),
                await host.DbAsync(db => db.MediaItems.Where(m => m.TmdbId == TestKit.Tmdb.TmdbFixtures.FightClub).Select(m => m.Id).SingleAsync()));
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    private async Task<WatchlistEntryResponse> AddAsync(SignedInUser user)
    {
        var title = await host.TitleAsync();
        using var added = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id });
        Assert.Equal(Created, added.StatusCode);
        return await added.ReadAsync<WatchlistEntryResponse>();
    }
}
