using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using InFocus.Domain.Common;
using InFocus.Domain.Imports;
using InFocus.Domain.Media;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Imports;

/// <summary>The queue function's work without a host: resuming after a crash, and a batch's fixed statement count.</summary>
public sealed class ImportProcessingTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private static int _nextId = 810_000;

    /// <summary>A Trakt history of <paramref name="count"/> films new to the fake TMDB (and to the catalog).</summary>
    private byte[] TraktHistory(int count)
    {
        var items = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _nextId);
            fixture.Tmdb.AddTitle(MediaType.Movie, id, $"Film {id}", "2001-01-01");
            var number = id.ToString(CultureInfo.InvariantCulture);
            items.Add("{\"watched_at\":\"2022-01-01T20:00:00.000Z\",\"type\":\"movie\",\"movie\":{\"title\":\"Film " + number
                      + "\",\"year\":2001,\"ids\":{\"tmdb\":" + number + "}}}");
        }

        return Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]");
    }

    /// <summary>
    /// A show new to the fake TMDB with one season of <paramref name="episodes"/> episodes, all aired (the fake's details
    /// list it, and its season body has them).
    /// </summary>
    private int ShowWithEpisodes(int episodes)
    {
        var id = Interlocked.Increment(ref _nextId);
        fixture.Tmdb.AddTitle(MediaType.Tv, id, $"Show {id}", "2001-01-01");
        var list = new JsonArray();
        for (var number = 1; number <= episodes; number++)
        {
            list.Add(new JsonObject
            {
                ["episode_number"] = number, ["season_number"] = 1, ["name"] = $"Episode {number}",
                ["air_date"] = "2001-01-01", ["runtime"] = 30, ["still_path"] = null,
            });
        }

        fixture.Tmdb.SetSeason(id, new JsonObject { ["season_number"] = 1, ["name"] = "Season 1", ["air_date"] = "2001-01-01", ["episodes"] = list });
        return id;
    }

    /// <summary>A Trakt history of episodes 1 to <paramref name="count"/> of season 1 of <paramref name="showId"/>, a day apart.</summary>
    private static byte[] TraktEpisodes(int showId, int count, int from = 1)
    {
        var show = showId.ToString(CultureInfo.InvariantCulture);
        var items = Enumerable.Range(from, count).Select(n =>
            "{\"watched_at\":\"" + new DateTime(2022, 1, 1, 20, 0, 0, DateTimeKind.Utc).AddDays(n).ToString("O", CultureInfo.InvariantCulture)
            + "\",\"type\":\"episode\",\"episode\":{\"season\":1,\"number\":" + n.ToString(CultureInfo.InvariantCulture)
            + ",\"ids\":{\"tmdb\":" + (9_000_000 + n).ToString(CultureInfo.InvariantCulture) + "}},\"show\":{\"title\":\"Show " + show
            + "\",\"year\":2001,\"ids\":{\"tmdb\":" + show + "}}}");
        return Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]");
    }

    private async Task<string> CreateAsync(TestAccount user, byte[] json)
    {
        using var file = new MemoryStream(json);
        var created = await fixture.WithAsync<ImportService, ImportCreatedResponse>(s =>
            s.CreateAsync(user.User, "trakt", new ImportUpload(file, ImportFileReader.Json, "watched-history.json"), default));
        return created.Id;
    }

    private Task<Import> ImportOf(string id) => fixture.DbAsync(db => db.Imports.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task Dated_watches_of_movies_become_viewings_once_however_often_the_file_is_imported()
    {
        var user = await fixture.RegisterAsync();
        var file = TraktHistory(3);

        foreach (var _ in new[] { 1, 2 })
        {
            var id = await CreateAsync(user, file);
            await fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), default));
        }

        var viewings = await fixture.DbAsync(db => db.Viewings.AsNoTracking().Where(v => v.UserId == user.UserId).ToListAsync());
        Assert.Equal(3, viewings.Count);
        Assert.All(viewings, v => Assert.Equal((null, new DateTimeOffset(2022, 1, 1, 20, 0, 0, TimeSpan.Zero)), (v.EpisodeId, v.WatchedAt)));
    }

    private Task<List<(int? Season, int? Episode, DateTimeOffset? WatchedAt)>> EpisodeViewingsAsync(string userId) =>
        fixture.DbAsync(db => db.Viewings.AsNoTracking()
            .Where(v => v.UserId == userId && v.EpisodeId != null)
            .OrderBy(v => v.Episode!.Number)
            .Select(v => new ValueTuple<int?, int?, DateTimeOffset?>(v.Episode!.SeasonNumber, v.Episode.Number, v.WatchedAt))
            .ToListAsync());

    private Task<Domain.Watchlist.WatchlistEntry> ShowEntryAsync(string userId, int showId) =>
        fixture.DbAsync(db => db.WatchlistEntries.AsNoTracking().SingleAsync(e => e.UserId == userId && e.MediaItem!.TmdbId == showId));

    [Fact]
    public async Task Watched_episodes_become_viewings_at_their_dates_once_and_the_show_follows_its_progress()
    {
        var user = await fixture.RegisterAsync();
        var show = ShowWithEpisodes(3);

        // Two of three episodes: the show is being watched.
        var first = await CreateAsync(user, TraktEpisodes(show, 2));
        await RunAsync(first);
        Assert.Equal(
            [(1, 1, new DateTimeOffset(2022, 1, 2, 20, 0, 0, TimeSpan.Zero)), (1, 2, new DateTimeOffset(2022, 1, 3, 20, 0, 0, TimeSpan.Zero))],
            await EpisodeViewingsAsync(user.UserId));
        var watching = await ShowEntryAsync(user.UserId, show);
        Assert.Equal((Domain.Watchlist.WatchStatus.Watching, new DateTimeOffset(2022, 1, 3, 20, 0, 0, TimeSpan.Zero)), (watching.Status, watching.LastWatchedAt));

        // The same file again records nothing and changes nothing.
        var again = await CreateAsync(user, TraktEpisodes(show, 2));
        await RunAsync(again);
        Assert.Equal(2, (await EpisodeViewingsAsync(user.UserId)).Count);
        Assert.Equal((0, 0, 2), ((await ImportOf(again)).Added, (await ImportOf(again)).Updated, (await ImportOf(again)).Unchanged));

        // The last episode too: completed, as when marked by hand.
        await RunAsync(await CreateAsync(user, TraktEpisodes(show, 3)));
        Assert.Equal(3, (await EpisodeViewingsAsync(user.UserId)).Count);
        Assert.Equal(Domain.Watchlist.WatchStatus.Completed, (await ShowEntryAsync(user.UserId, show)).Status);
    }

    [Fact]
    public async Task A_stored_show_without_seasons_has_them_fetched_for_its_episodes()
    {
        var user = await fixture.RegisterAsync();
        var show = ShowWithEpisodes(2);
        await fixture.WithAsync<MediaCatalog>(c => c.EnsureAsync(show, MediaType.Tv, default));
        // As when TMDB failed for its seasons when it was added: no seasons, never refreshed.
        await fixture.DbAsync(async db =>
        {
            var id = await db.MediaItems.Where(m => m.TmdbId == show).Select(m => m.Id).SingleAsync();
            await db.Episodes.Where(e => e.MediaItemId == id).ExecuteDeleteAsync();
            await db.Seasons.Where(s => s.MediaItemId == id).ExecuteDeleteAsync();
            await db.MediaItems.Where(m => m.Id == id).ExecuteUpdateAsync(x => x.SetProperty(m => m.SeasonsRefreshedAt, (DateTimeOffset?)null));
        });
        fixture.Tmdb.ClearRequests();

        var id = await CreateAsync(user, TraktEpisodes(show, 2));
        await RunAsync(id);

        Assert.Equal(2, (await EpisodeViewingsAsync(user.UserId)).Count);
        Assert.Equal(Domain.Watchlist.WatchStatus.Completed, (await ShowEntryAsync(user.UserId, show)).Status);
        Assert.Contains(fixture.Tmdb.Requests, r => r.Path.StartsWith($"tv/{show}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_that_dies_in_the_middle_is_resumed_by_the_next_without_duplicates()
    {
        var user = await fixture.RegisterAsync();
        var id = await CreateAsync(user, TraktHistory(250));

        // The run dies while its second batch waits for TMDB (as a process killed mid-way would).
        using var crash = new CancellationTokenSource();
        var requests = 0;
        fixture.Tmdb.OnRequest = _ =>
        {
            if (Interlocked.Increment(ref requests) == 150)
            {
                crash.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), crash.Token)));
        fixture.Tmdb.OnRequest = null;
        var crashed = await ImportOf(id);
        Assert.Equal(ImportStatus.Running, crashed.Status);
        Assert.InRange(crashed.Processed, 1, 249);

        // Its lease still holds: a redelivered message leaves the import alone until it expires.
        await fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), default));
        Assert.Equal(crashed.Processed, (await ImportOf(id)).Processed);
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), default));

        var done = await ImportOf(id);
        Assert.Equal((ImportStatus.Completed, 250, 250, 0), (done.Status, done.Processed, done.Added, done.Unmatched));
        Assert.Equal(250, await fixture.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == user.UserId)));
        Assert.Equal(0, await fixture.DbAsync(db => db.ImportRows.CountAsync(r => r.ImportId == id && r.Outcome != ImportRowOutcome.Added)));
    }

    private Task RunAsync(string id) => fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), default));

    private Task<int> SweepAsync() =>
        fixture.WithAsync<ImportSweep, int>(s => s.RequeueStrandedAsync(TimeSpan.Zero, TimeSpan.Zero, default));

    [Fact]
    public async Task A_poison_import_ends_failed_with_its_reason_once_the_sweep_sends_it_again_after_the_host_gave_up()
    {
        var user = await fixture.RegisterAsync();
        var id = await CreateAsync(user, TraktHistory(3));
        var import = await ImportOf(id);
        // Every run fails the same way (its file is gone): the host retries the message maxDequeueCount times.
        await fixture.WithAsync<ImportStorage>(s => s.DeleteAsync(import.BlobName, default));
        var max = new ImportOptions().MaxAttempts;
        for (var attempt = 1; attempt <= max; attempt++)
        {
            await Assert.ThrowsAsync<Azure.RequestFailedException>(() => RunAsync(id));
            var failing = await ImportOf(id);
            Assert.Equal((ImportStatus.Running, attempt, (DateTimeOffset?)null), (failing.Status, failing.Attempts, failing.LeaseUntil));
        }

        // The message is on the poison queue now, and the import still running: the sweep sends it again ...
        var before = await ImportOf(id);
        Assert.InRange(await SweepAsync(), 1, ImportSweep.BatchSize);
        Assert.True((await ImportOf(id)).UpdatedAt > before.UpdatedAt);

        // ... and that message's claim fails it, visible in GET /api/imports/{id}; a later message finds nothing to do.
        await RunAsync(id);
        await RunAsync(id);
        var failed = await fixture.WithAsync<ImportService, ImportResponse>(s => s.GetAsync(user.User, id, default));
        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.Contains($"after {max} attempts", failed.Failure);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(ImportStatus.Failed, (await ImportOf(id)).Status);
    }

    [Fact]
    public async Task An_import_that_failed_fewer_times_than_the_cap_and_then_crashed_still_completes_once()
    {
        var user = await fixture.RegisterAsync();
        var file = TraktHistory(150);
        var id = await CreateAsync(user, file);
        var import = await ImportOf(id);
        var storage = fixture.Services.GetRequiredService<ImportStorage>();

        // Its file is unreadable for a while: runs fail, one short of the cap ...
        await storage.DeleteAsync(import.BlobName, default);
        var max = new ImportOptions().MaxAttempts;
        for (var attempt = 1; attempt < max; attempt++)
        {
            await Assert.ThrowsAsync<Azure.RequestFailedException>(() => RunAsync(id));
        }

        Assert.Equal(max - 1, (await ImportOf(id)).Attempts);

        // ... then readable again: the next run applies a batch (the count starts over) and dies during the second
        // (its lease left behind, its message lost) ...
        using (var content = new MemoryStream(file))
        {
            await storage.UploadAsync(import.BlobName, content, default);
        }

        using var crash = new CancellationTokenSource();
        var requests = 0;
        fixture.Tmdb.OnRequest = _ =>
        {
            if (Interlocked.Increment(ref requests) == 120)
            {
                crash.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), crash.Token)));
        fixture.Tmdb.OnRequest = null;
        var crashed = await ImportOf(id);
        Assert.Equal(ImportStatus.Running, crashed.Status);
        Assert.Equal(0, crashed.Attempts);
        Assert.InRange(crashed.Processed, 1, 149);

        // ... the sweep sends it a message, which finishes it once the dead run's lease expired.
        Assert.InRange(await SweepAsync(), 1, ImportSweep.BatchSize);
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await RunAsync(id);

        var done = await ImportOf(id);
        Assert.Equal((ImportStatus.Completed, 150, 150, 0, (string?)null), (done.Status, done.Processed, done.Added, done.Attempts, done.Failure));
        Assert.Equal(150, await fixture.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == user.UserId)));
        Assert.Equal(150, await fixture.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.UserId)));
    }

    [Fact]
    public async Task A_batch_of_known_titles_costs_the_same_statements_whatever_its_size()
    {
        async Task<int> BatchStatementsAsync(byte[] file)
        {
            var first = await fixture.RegisterAsync();
            var warm = await CreateAsync(first, file);
            await fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(warm), default));

            // A second user imports the same titles: all in the catalog now, so no TMDB request and no catalog write.
            var user = await fixture.RegisterAsync();
            var id = await CreateAsync(user, file);
            await fixture.WithAsync<ImportProcessor>(p => p.RunAsync(ImportMessage.ToJson(id), default));
            var rows = await fixture.DbAsync(db => db.ImportRows.AsNoTracking().Where(r => r.ImportId == id).ToListAsync());
            foreach (var row in rows)
            {
                row.Outcome = ImportRowOutcome.Pending;
            }

            await fixture.DbAsync(db => db.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Running)));
            return await fixture.StatementsOfAsync<IServiceProvider>(async services =>
            {
                var matches = await services.GetRequiredService<TitleMatcher>().MatchAsync(rows, default);
                Assert.True(await services.GetRequiredService<ImportApplier>().ApplyAsync(id, user.UserId, rows, matches, fixture.Clock.GetUtcNow().AddMinutes(5), default));
            });
        }

        var small = await BatchStatementsAsync(TraktHistory(2));
        var large = await BatchStatementsAsync(TraktHistory(100));
        Assert.Equal(small, large);
        Assert.InRange(small, 1, 10);

        // Episodes cost the same whatever their number too (two more: the viewings' locks and the shows' statuses).
        var show = ShowWithEpisodes(100);
        var fewEpisodes = await BatchStatementsAsync(TraktEpisodes(show, 2));
        var manyEpisodes = await BatchStatementsAsync(TraktEpisodes(show, 100));
        Assert.Equal(fewEpisodes, manyEpisodes);
        Assert.InRange(fewEpisodes, 1, 12);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_once_the_unpack_budget_is_spent()
    {
        var reader = new ImportFileReader(new ImportOptions { MaxUncompressedBytes = 1024 * 1024 });
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("watched.csv", CompressionLevel.SmallestSize).Open();
            entry.Write("Date,Name,Year,Letterboxd URI\r\n"u8);
            entry.Write(new byte[8 * 1024 * 1024]);
        }

        bomb.Position = 0;
        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync(ImportSource.Letterboxd, bomb, ImportFileReader.Zip, "upload", default))
            {
            }
        });
        Assert.Contains("larger than", error.Errors["file"].Single());
    }
}
