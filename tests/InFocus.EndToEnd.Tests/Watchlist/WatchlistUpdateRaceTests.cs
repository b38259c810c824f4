using System.Net;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>
/// PATCH /api/watchlist/{id} without If-Match retries a write that lost a race, and answers 409 when it keeps losing.
/// The races are staged in the database: a trigger makes every update of the one entry affect no row, as if another
/// request always changed it first.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class WatchlistUpdateRaceTests(DevHostFixture host)
{
    [Fact]
    public async Task An_unconditional_change_that_keeps_losing_races_answers_409_and_changes_nothing()
    {
        using var user = await host.SignUpAsync();
        var title = new MediaItem { TmdbId = TmdbFixtures.FightClub, TmdbType = MediaType.Movie, Title = "Fight Club" };
        await host.DbAsync(db =>
        {
            db.MediaItems.Add(title);
            return db.SaveChangesAsync();
        });
        using var added = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id });
        var entry = await added.ReadAsync<WatchlistEntryResponse>();
        // Entry ids are lowercase letters and digits (checked), so they can name the trigger and stand in its body.
        Assert.Matches("^[a-z0-9]+$", entry.Id);
        var trigger = $"lose_races_{entry.Id}";
        var create = $"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF OLD.id = '{entry.Id}' THEN RETURN NULL; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {trigger} BEFORE UPDATE ON watchlist_entries FOR EACH ROW EXECUTE FUNCTION {trigger}();
            """;
        var drop = $"DROP TRIGGER {trigger} ON watchlist_entries; DROP FUNCTION {trigger}();";
        await host.DbAsync(db => db.Database.ExecuteSqlRawAsync(create));
        try
        {
            using var changed = await user.Client.PatchJsonAsync($"api/watchlist/{entry.Id}", """{"rating":7}""");

            await changed.ProblemAsync(409);
        }
        finally
        {
            await host.DbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }

        using var read = await user.Client.GetAsync($"api/watchlist/{entry.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null((await read.ReadAsync<WatchlistEntryResponse>()).Rating);
    }
}
