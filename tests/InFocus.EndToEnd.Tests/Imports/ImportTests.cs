using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Imports;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using static InFocus.EndToEnd.Tests.Imports.ImportsHostFixture;

namespace InFocus.EndToEnd.Tests.Imports;

[Collection(ImportsCollection.Name)]
public sealed class ImportTests(ImportsHostFixture host)
{
    private sealed record Entry(int TmdbId, MediaType Type, WatchStatus Status, int? Rating, string? Notes);

    private Task<List<(int Season, int Episode, DateTimeOffset? WatchedAt)>> EpisodeViewingsAsync(string userId) => host.DbAsync(db => db.Viewings
        .Where(v => v.UserId == userId && v.EpisodeId != null)
        .OrderBy(v => v.WatchedAt)
        .Select(v => new ValueTuple<int, int, DateTimeOffset?>(v.Episode!.SeasonNumber, v.Episode.Number, v.WatchedAt))
        .ToListAsync());

    private Task<Dictionary<int, Entry>> WatchlistAsync(string userId) => host.DbAsync(db => db.WatchlistEntries
        .Where(e => e.UserId == userId)
        .Select(e => new Entry(e.MediaItem!.TmdbId, e.MediaItem.TmdbType, e.Status, e.Rating, e.Notes))
        .ToDictionaryAsync(e => e.TmdbId));

    [Fact]
    public async Task A_Letterboxd_zip_is_imported_with_the_newest_information_winning_and_ambiguous_titles_reported()
    {
        using var user = await host.SignUpAsync();

        var import = await ImportAsync(user.Client, "letterboxd", ZipOf("letterboxd"), "application/zip");

        Assert.Equal(ImportStatus.Completed, import.Status);
        Assert.Equal(13, import.Total);
        Assert.Equal(13, import.Processed);
        Assert.Equal(2, import.Unmatched);
        Assert.Equal(0, import.Errors);
        Assert.Equal(11, import.Added + import.Updated + import.Unchanged);
        Assert.Equal(5, import.Added);
        var watchlist = await WatchlistAsync(user.Id);
        Assert.Equal(new[] { TheThing, LateRelease, TmdbFixtures.ShawshankRedemption, TmdbFixtures.FightClub, Solaris1972 }.Order(), watchlist.Keys.Order());
        // The 2022 rewatch (5 stars) is newer than the 2020 diary entry and rating; the review is the note.
        Assert.Equal(new Entry(TmdbFixtures.FightClub, MediaType.Movie, WatchStatus.Completed, 10, "Better the second time,\r\n\"really\"."), watchlist[TmdbFixtures.FightClub]);
        Assert.Equal(WatchStatus.NotWatched, watchlist[TheThing].Status);
        Assert.Equal(WatchStatus.NotWatched, watchlist[TmdbFixtures.ShawshankRedemption].Status);
        Assert.Equal(WatchStatus.Completed, watchlist[Solaris1972].Status);

        var page = await GetAsync<Page<ImportRowResponse>>(user.Client, $"api/imports/{import.Id}/rows?outcome=unmatched");
        Assert.Collection(
            page.Items,
            row =>
            {
                Assert.Equal(("watched.csv", 4), (row.File, row.Line));
                Assert.Equal("Twin Peril", row.Values.GetProperty("Name").GetString());
                Assert.StartsWith("Ambiguous: 2 TMDB films", row.Reason);
            },
            row =>
            {
                Assert.Equal(("watched.csv", 6), (row.File, row.Line));
                Assert.Contains("No Such Film", row.Reason);
            });
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_asks_TMDB_nothing()
    {
        using var user = await host.SignUpAsync();
        var file = ZipOf("letterboxd");
        await ImportAsync(user.Client, "letterboxd", file, "application/zip");
        var before = await WatchlistAsync(user.Id);
        host.Tmdb.ClearRequests();

        var again = await ImportAsync(user.Client, "letterboxd", file, "application/zip");

        Assert.Equal((0, 0, 11, 2), (again.Added, again.Updated, again.Unchanged, again.Unmatched));
        Assert.Equal(before, await WatchlistAsync(user.Id));
        Assert.Empty(host.Tmdb.Requests);
    }

    [Fact]
    public async Task IMDb_ratings_and_an_older_watchlist_export_are_resolved_by_their_ids()
    {
        using var user = await host.SignUpAsync();

        var ratings = await ImportAsync(user.Client, "imdb", FileOf("imdb", "ratings.csv"), "text/csv", "ratings.csv");
        var list = await ImportAsync(user.Client, "imdb", FileOf("imdb", "WATCHLIST.csv"), "text/csv", "WATCHLIST.csv");

        Assert.Equal((5, 2, 1, 1), (ratings.Total, ratings.Added, ratings.Unmatched, ratings.Errors));
        Assert.Equal((2, 1, 0, 1), (list.Total, list.Added, list.Updated, list.Unchanged));
        var watchlist = await WatchlistAsync(user.Id);
        Assert.Equal(new Entry(TmdbFixtures.FightClub, MediaType.Movie, WatchStatus.Completed, 9, null), watchlist[TmdbFixtures.FightClub]);
        // The show's rating is its own; the rated episode is a viewing at its date, and the show's status follows its
        // viewings as when marked by hand: one episode of many, watching.
        Assert.Equal(new Entry(TmdbFixtures.BreakingBad, MediaType.Tv, WatchStatus.Watching, 10, null), watchlist[TmdbFixtures.BreakingBad]);
        Assert.Equal([(1, 1, new DateTimeOffset(2021, 3, 3, 0, 0, 0, TimeSpan.Zero))], await EpisodeViewingsAsync(user.Id));
        Assert.Equal(WatchStatus.NotWatched, watchlist[TmdbFixtures.ShawshankRedemption].Status);

        var errors = await GetAsync<Page<ImportRowResponse>>(user.Client, $"api/imports/{ratings.Id}/rows?outcome=error");
        var error = Assert.Single(errors.Items);
        Assert.Equal(6, error.Line);
        Assert.Contains("Your Rating '11'", error.Reason);
        Assert.Equal("tt0111161", error.Values.GetProperty("Const").GetString());
    }

    [Fact]
    public async Task A_Trakt_export_uses_its_TMDB_ids_and_its_watched_episodes_are_viewings_of_the_show_once()
    {
        using var user = await host.SignUpAsync();
        host.Tmdb.ClearRequests();

        var import = await ImportAsync(user.Client, "trakt", ZipOf("trakt"), "application/zip");

        Assert.Equal((5, 3, 1, 1, 0), (import.Total, import.Added, import.Updated, import.Unchanged, import.Unmatched));
        var watchlist = await WatchlistAsync(user.Id);
        Assert.Equal(new Entry(TmdbFixtures.FightClub, MediaType.Movie, WatchStatus.Completed, 8, null), watchlist[TmdbFixtures.FightClub]);
        Assert.Equal(WatchStatus.Watching, watchlist[TmdbFixtures.BreakingBad].Status);
        Assert.Equal(WatchStatus.NotWatched, watchlist[TmdbFixtures.ShawshankRedemption].Status);
        Assert.DoesNotContain(host.Tmdb.Requests, r => r.Path.StartsWith("search", StringComparison.Ordinal) || r.Path.StartsWith("find", StringComparison.Ordinal));
        List<(int, int, DateTimeOffset?)> episodes =
        [
            (1, 1, new DateTimeOffset(2022, 1, 2, 20, 0, 0, TimeSpan.Zero)),
            (1, 2, new DateTimeOffset(2022, 1, 3, 21, 0, 0, TimeSpan.Zero)),
        ];
        Assert.Equal(episodes, await EpisodeViewingsAsync(user.Id));

        // Again: nothing new, no viewing twice.
        var again = await ImportAsync(user.Client, "trakt", ZipOf("trakt"), "application/zip");
        Assert.Equal((0, 0, 5), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(episodes, await EpisodeViewingsAsync(user.Id));
    }

    [Fact]
    public async Task The_json_export_imported_into_a_new_account_gives_the_same_watchlist()
    {
        using var first = await host.SignUpAsync();
        await ImportAsync(first.Client, "letterboxd", ZipOf("letterboxd"), "application/zip");
        await ImportAsync(first.Client, "trakt", ZipOf("trakt"), "application/zip");

        using var export = await first.Client.GetAsync("api/me/export?format=json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var archive = await export.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(archive)))
        {
            using var manifest = JsonDocument.Parse(zip.GetEntry("infocus-export.json")!.Open());
            Assert.Equal("infocus-export", manifest.RootElement.GetProperty("format").GetString());
            Assert.Equal(1, manifest.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(first.Email, manifest.RootElement.GetProperty("profile").GetProperty("email").GetString());
        }

        using var second = await host.SignUpAsync();
        var import = await ImportAsync(second.Client, "infocus", archive, "application/zip");

        Assert.Equal((0, 0), (import.Unmatched, import.Errors));
        Assert.Equal(await WatchlistAsync(first.Id), await WatchlistAsync(second.Id));
    }

    [Fact]
    public async Task The_letterboxd_export_lists_movies_in_Letterboxds_import_columns()
    {
        using var user = await host.SignUpAsync();
        await ImportAsync(user.Client, "trakt", ZipOf("trakt"), "application/zip");

        using var export = await user.Client.GetAsync("api/me/export?format=letterboxd");

        using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var watched = new StreamReader(zip.GetEntry("watched.csv")!.Open()).ReadToEnd();
        var watchlist = new StreamReader(zip.GetEntry("watchlist.csv")!.Open()).ReadToEnd();
        Assert.StartsWith("tmdbID,Title,Year,Directors,WatchedDate,Rating10,Review", watched);
        Assert.Contains("550,Fight Club,1999,David Fincher,", watched);
        Assert.DoesNotContain("Breaking Bad", watched);
        Assert.Contains("278,The Shawshank Redemption,1994", watchlist);
    }

    [Fact]
    public async Task Malformed_files_are_400s_naming_the_file_line_and_column()
    {
        using var user = await host.SignUpAsync();
        var csv = "Date,Name,Year,Letterboxd URI\r\n2020-01-01,Fight Club\r\n"u8.ToArray();

        using var shortRow = await UploadAsync(user.Client, "letterboxd", csv, "text/csv", "watched.csv");
        using var notZip = await UploadAsync(user.Client, "letterboxd", csv, "application/zip");
        using var unknownHeader = await UploadAsync(user.Client, "imdb", csv, "text/csv");
        using var badJson = await UploadAsync(user.Client, "trakt", "[{\"type\": \"movie\",\n  oops}]"u8.ToArray(), "application/json", "watched-history.json");
        using var noSource = await UploadAsync(user.Client, "netflix", csv, "text/csv");

        Assert.Contains("watched.csv, line 2, column 3", (await shortRow.FieldErrorsAsync("file")).Single());
        Assert.Contains("is not a ZIP archive", (await notZip.FieldErrorsAsync("file")).Single());
        Assert.Contains("upload, line 1, column 1", (await unknownHeader.FieldErrorsAsync("file")).Single());
        Assert.Contains("watched-history.json, line 2, column", (await badJson.FieldErrorsAsync("file")).Single());
        Assert.NotEmpty(await noSource.FieldErrorsAsync("source"));
    }

    [Fact]
    public async Task A_zip_with_path_traversal_or_a_bomb_is_refused_and_a_body_over_the_limit_is_413()
    {
        using var user = await host.SignUpAsync();
        var traversal = Zip(("../../etc/watched.csv", "Date,Name,Year,Letterboxd URI\r\n"u8.ToArray()));
        // 300 MB of zeros compress to a few hundred KB... too big for this host's 256 KiB body limit, so the bomb is
        // smaller here and the host's unpack limit is what refuses it: see ImportFileReaderTests for the 200 MB case.
        var tooBig = new byte[300 * 1024];

        using var traversed = await UploadAsync(user.Client, "letterboxd", traversal, "application/zip");
        using var large = await UploadAsync(user.Client, "letterboxd", tooBig, "text/csv");
        using var wrongType = await UploadAsync(user.Client, "letterboxd", "x"u8.ToArray(), "text/plain");

        Assert.Contains("points outside the archive", (await traversed.FieldErrorsAsync("file")).Single());
        await large.ProblemAsync(413);
        await wrongType.ProblemAsync(415);
    }

    [Fact]
    public async Task Another_user_cannot_see_list_or_cancel_an_import()
    {
        using var owner = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        var import = await ImportAsync(owner.Client, "trakt", ZipOf("trakt"), "application/zip");

        using var get = await other.Client.GetAsync($"api/imports/{import.Id}");
        using var rows = await other.Client.GetAsync($"api/imports/{import.Id}/rows");
        using var cancel = await other.Client.DeleteAsync($"api/imports/{import.Id}");
        var list = await GetAsync<Page<ImportResponse>>(other.Client, "api/imports");

        await get.ProblemAsync(404);
        await rows.ProblemAsync(404);
        await cancel.ProblemAsync(404);
        Assert.Empty(list.Items);
        var mine = await GetAsync<Page<ImportResponse>>(owner.Client, "api/imports?limit=1");
        Assert.Equal(import.Id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task A_queued_or_running_import_can_be_cancelled_and_a_finished_one_is_a_409()
    {
        using var user = await host.SignUpAsync();
        var finished = await ImportAsync(user.Client, "trakt", ZipOf("trakt"), "application/zip");
        using var late = await user.Client.DeleteAsync($"api/imports/{finished.Id}");
        await late.ProblemAsync(409);

        // TMDB is down: the import cannot finish before it is cancelled (queued, or running and waiting for TMDB).
        host.Tmdb.StartOutage(FakeTmdbReply.Status(503));
        try
        {
            // A title no earlier lookup knows: it needs TMDB.
            var csv = Encoding.UTF8.GetBytes($"Date,Name,Year,Letterboxd URI\r\n2021-01-01,Uncached {Guid.NewGuid():N},2000,https://boxd.it/x\r\n");
            using var response = await UploadAsync(user.Client, "letterboxd", csv, "text/csv", "watchlist.csv");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var created = await response.ReadAsync<ImportCreatedResponse>();

            using var cancel = await user.Client.DeleteAsync($"api/imports/{created.Id}");

            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal(ImportStatus.Cancelled, (await cancel.ReadAsync<ImportResponse>()).Status);
            host.Tmdb.EndOutage();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(ImportStatus.Cancelled, (await GetAsync<ImportResponse>(user.Client, $"api/imports/{created.Id}")).Status);
        }
        finally
        {
            host.Tmdb.EndOutage();
        }
    }

    [Fact]
    public async Task More_imports_than_the_daily_limit_are_429_with_Retry_After()
    {
        using var user = await host.SignUpAsync();
        var file = FileOf("letterboxd", "watchlist.csv");
        for (var i = 0; i < PerUserPerDay; i++)
        {
            using var accepted = await UploadAsync(user.Client, "letterboxd", file, "text/csv", "watchlist.csv");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await UploadAsync(user.Client, "letterboxd", file, "text/csv", "watchlist.csv");

        await refused.ProblemAsync(429);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Identical_imports_at_once_all_finish_and_leave_one_entry_per_title()
    {
        using var user = await host.SignUpAsync();
        var file = ZipOf("trakt");

        var answers = await Concurrently.SendAsync(PerUserPerDay, _ => UploadAsync(user.Client, "trakt", file, "application/zip"));

        answers.AssertCounts((HttpStatusCode.Accepted, PerUserPerDay));
        foreach (var answer in answers.All)
        {
            var id = JsonDocument.Parse(answer.Body).RootElement.GetProperty("id").GetString()!;
            Assert.Equal(ImportStatus.Completed, (await FinishedAsync(user.Client, id)).Status);
        }

        var entries = await host.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == user.Id));
        Assert.Equal(3, entries);
        Assert.Equal(new Entry(TmdbFixtures.FightClub, MediaType.Movie, WatchStatus.Completed, 8, null), (await WatchlistAsync(user.Id))[TmdbFixtures.FightClub]);
        Assert.Equal(2, (await EpisodeViewingsAsync(user.Id)).Count);
        Assert.Equal(WatchStatus.Watching, (await WatchlistAsync(user.Id))[TmdbFixtures.BreakingBad].Status);
    }

    [Fact]
    public async Task Bad_paging_outcome_and_format_values_are_400s()
    {
        using var user = await host.SignUpAsync();
        var import = await ImportAsync(user.Client, "trakt", ZipOf("trakt"), "application/zip");

        using var limit = await user.Client.GetAsync("api/imports?limit=500");
        using var outcome = await user.Client.GetAsync($"api/imports/{import.Id}/rows?outcome=added");
        using var cursor = await user.Client.GetAsync($"api/imports/{import.Id}/rows?cursor=forged");
        using var format = await user.Client.GetAsync("api/me/export?format=csv");

        Assert.NotEmpty(await limit.FieldErrorsAsync("limit"));
        Assert.NotEmpty(await outcome.FieldErrorsAsync("outcome"));
        Assert.NotEmpty(await cursor.FieldErrorsAsync("cursor"));
        Assert.NotEmpty(await format.FieldErrorsAsync("format"));
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
