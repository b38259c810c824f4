using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Families;

/// <summary>
/// The maintained summaries answer exactly what the former whole-list queries answered, after every kind of write
/// (entries added, changed, removed in bulk; members joining and leaving; accounts, titles and families deleted; titles
/// renamed and re-genred), and at a fixed number of statements whatever the size of the lists.
/// </summary>
public sealed class SummaryEquivalenceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    /// <summary>The shared watchlist as the former query computed it (grouping every member's whole list), all pages at once.</summary>
    private const string FormerFamilyWatchlist = """
        SELECT json_build_object(
                   'media', json_build_object(
                       'id', m.id, 'tmdbId', m.tmdb_id, 'type', m.tmdb_type, 'title', m.title,
                       'posterPath', m.poster_path, 'releaseDate', m.release_date, 'genres', m.genres),
                   'memberCount', t.member_count, 'members', t.members)::text AS "Value"
        FROM (
            SELECT w.media_item_id, count(*) AS member_count,
                   json_agg(json_build_object('userId', u.id, 'name', u.name, 'status', w.status, 'rating', w.rating) ORDER BY u.name, u.id) AS members
            FROM family_memberships fm
            JOIN watchlist_entries w ON w.user_id = fm.user_id
            JOIN users u ON u.id = fm.user_id
            WHERE fm.family_id = {0} AND ({1}::text IS NULL OR w.status = {1}::text)
            GROUP BY w.media_item_id
        ) t
        JOIN media_items m ON m.id = t.media_item_id
        ORDER BY t.member_count DESC, m.title, m.id
        """;

    [Fact]
    public async Task The_family_watchlist_and_the_statistics_match_the_whole_list_queries_after_every_kind_of_write()
    {
        var random = new Random(19);
        var users = Enumerable.Range(0, 6).Select(i => Entities.User(name: $"Member {i % 4}")).ToList();
        var families = Enumerable.Range(0, 2).Select(i => Entities.Family(users[i], $"Family {i}")).ToList();
        await fixture.SaveAsync([.. users, .. families,
            Entities.Membership(families[0], users[0], FamilyRole.Admin), Entities.Membership(families[0], users[1]), Entities.Membership(families[0], users[2]),
            Entities.Membership(families[1], users[1], FamilyRole.Admin), Entities.Membership(families[1], users[3])]);
        var titles = await fixture.InsertTitlesAsync(60);
        // Titles that sort together: same names, so the id breaks ties.
        await Sql("UPDATE media_items SET title = 'Same name' WHERE id = ANY({0})", (object)titles[..8]);
        var statuses = new[] { "not_watched", "watching", "completed" };

        foreach (var user in users.Take(5))
        {
            var picked = titles.Where(_ => random.Next(3) > 0).ToArray();
            var status = picked.Select(_ => statuses[random.Next(3)]).ToArray();
            var ratings = picked.Select(_ => random.Next(12)).ToArray();
            await Sql("""
                INSERT INTO watchlist_entries (id, user_id, media_item_id, status, rating)
                SELECT 'c' || substr(md5(random()::text), 1, 24), {0}, t, s, NULLIF(r, 0) % 11
                FROM unnest({1}, {2}, {3}) AS x(t, s, r) WHERE r <> 11
                """, user.Id, picked, status, ratings);
        }

        await AssertSameAsync(users, families, "bulk insert");
        await Sql("UPDATE watchlist_entries SET status = 'completed', rating = 9 WHERE media_item_id = ANY({0})", (object)titles[10..20]);
        await Sql("UPDATE watchlist_entries SET notes = 'only notes' WHERE media_item_id = ANY({0})", (object)titles[20..25]);
        await AssertSameAsync(users, families, "status, rating and notes updates");
        await Sql("DELETE FROM watchlist_entries WHERE user_id = {0} AND media_item_id = ANY({1})", users[1].Id, titles[..30]);
        await AssertSameAsync(users, families, "entries removed");
        await fixture.SaveAsync([Entities.Membership(families[1], users[4]), Entities.Membership(families[0], users[3])]);
        await AssertSameAsync(users, families, "members joined");
        await Sql("DELETE FROM family_memberships WHERE user_id = {0} AND family_id = {1}", users[2].Id, families[0].Id);
        await AssertSameAsync(users, families, "a member left");
        await Sql("UPDATE media_items SET title = 'Renamed ' || title, genres = ARRAY['Western', 'Drama', 'Drama'] WHERE id = ANY({0})", (object)titles[30..40]);
        await AssertSameAsync(users, families, "titles renamed and re-genred");
        await Sql("DELETE FROM media_items WHERE id = ANY({0})", (object)titles[40..45]);
        await AssertSameAsync(users, families, "titles deleted");
        await Sql("DELETE FROM users WHERE id = {0}", users[3].Id);
        await AssertSameAsync([.. users.Where(u => u != users[3])], families, "an account deleted");
        await Sql("DELETE FROM families WHERE id = {0}", families[1].Id);
        await AssertSameAsync([.. users.Where(u => u != users[3])], [families[0]], "a family deleted");
        Assert.Equal(0, await fixture.DbAsync(db => db.FamilyTitles.CountAsync(t => t.FamilyId == families[1].Id)));
    }

    [Fact]
    public async Task Concurrent_writes_by_members_and_a_member_joining_at_once_are_each_counted_once()
    {
        var users = Enumerable.Range(0, 6).Select(i => Entities.User(name: $"Racer {i}")).ToList();
        var family = Entities.Family(users[0]);
        await fixture.SaveAsync([.. users, family, .. users.Take(5).Select(u => Entities.Membership(family, u))]);
        var titles = await fixture.InsertTitlesAsync(5);
        // The sixth user has the titles already and joins while the others add and change theirs.
        await Sql("""
            INSERT INTO watchlist_entries (id, user_id, media_item_id, status) SELECT 'c' || substr(md5(random()::text || t), 1, 24), {0}, t, 'watching' FROM unnest({1}) AS x(t)
            """, users[5].Id, titles);

        using var start = new Barrier(users.Count);
        await Task.WhenAll(users.Select((user, i) => Task.Run(async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
            await connection.OpenAsync();
            start.SignalAndWait();
            var sql = i == 5
                ? "INSERT INTO family_memberships (id, user_id, family_id, role) VALUES ('c' || substr(md5(random()::text), 1, 24), @user, @family, 'member')"
                : """
                  INSERT INTO watchlist_entries (id, user_id, media_item_id, status) SELECT 'c' || substr(md5(random()::text || t), 1, 24), @user, t, 'not_watched' FROM unnest(@titles) AS x(t);
                  UPDATE watchlist_entries SET status = 'completed', rating = 7 WHERE user_id = @user AND media_item_id = @first;
                  """;
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("user", user.Id);
            command.Parameters.AddWithValue("family", family.Id);
            command.Parameters.AddWithValue("titles", titles);
            command.Parameters.AddWithValue("first", titles[0]);
            await command.ExecuteNonQueryAsync();
        })));

        await AssertSameAsync(users, [family], "concurrent writes");
        var counts = await fixture.DbAsync(db => db.FamilyTitles.Where(t => t.FamilyId == family.Id).Select(t => t.MemberCount).ToListAsync());
        Assert.Equal([6, 6, 6, 6, 6], counts);
    }

    [Fact]
    public async Task The_family_watchlist_and_the_statistics_cost_the_same_statements_at_10_and_10000_entries()
    {
        var costs = new List<(int FirstPage, int NextPage, int NotWatched, int Stats)>();
        foreach (var size in new[] { 10, 10_000 })
        {
            var owner = Entities.User(name: "Owner");
            var member = Entities.User(name: "Member");
            var family = Entities.Family(owner);
            await fixture.SaveAsync([owner, member, family, Entities.Membership(family, owner, FamilyRole.Admin), Entities.Membership(family, member)]);
            var titles = await fixture.InsertTitlesAsync(size);
            await Sql("""
                INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
                SELECT 'c' || substr(md5(random()::text || n), 1, 24), {0}, t, (ARRAY['not_watched', 'watching', 'completed'])[1 + n % 3]
                FROM unnest({2}) WITH ORDINALITY AS x(t, n)
                UNION ALL
                SELECT 'c' || substr(md5(random()::text || n || 'm'), 1, 24), {1}, t, 'not_watched'
                FROM unnest({2}) WITH ORDINALITY AS x(t, n) WHERE n % 2 = 0
                """, owner.Id, member.Id, titles);

            var caller = owner.AsCaller();
            var (first, firstStatements) = await CountAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(
                s => s.ListAsync(caller, family.Id, null, new PageRequest(50, null), default));
            var (_, nextStatements) = await CountAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(
                s => s.ListAsync(caller, family.Id, null, new PageRequest(50, first.NextCursor), default));
            var (_, notWatchedStatements) = await CountAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(
                s => s.ListAsync(caller, family.Id, WatchStatus.NotWatched, new PageRequest(50, null), default));
            var (stats, statsStatements) = await CountAsync<WatchlistStatistics, WatchlistStatsResponse>(s => s.GetAsync(caller, default));

            Assert.Equal(size, stats.Total);
            Assert.Equal(Math.Min(size, 50), first.Items.Count);
            costs.Add((firstStatements, nextStatements, notWatchedStatements, statsStatements));
        }

        Assert.Equal([(2, 2, 2, 2), (2, 2, 2, 2)], costs);
    }

    private async Task<(T Result, int Statements)> CountAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = fixture.CreateScope();
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TService>(scope.ServiceProvider);
        fixture.Statements.Reset();
        var result = await work(service);
        return (result, fixture.Statements.Count);
    }

    private Task Sql(string sql, params object[] values) =>
        fixture.DbAsync(db => db.Database.ExecuteSqlRawAsync(Placeholders(sql), values.Select((v, i) => new Npgsql.NpgsqlParameter($"p{i}", v)).ToArray()));

    private static string Placeholders(string sql)
    {
        for (var i = 0; i < 4; i++)
        {
            sql = sql.Replace($"{{{i}}}", $"@p{i}", StringComparison.Ordinal);
        }

        return sql;
    }

    private async Task AssertSameAsync(IReadOnlyList<User> users, IReadOnlyList<Family> families, string after)
    {
        foreach (var family in families)
        {
            var admin = users.First(u => u.Id == family.CreatedById).AsCaller();
            foreach (var status in new WatchStatus?[] { null, WatchStatus.NotWatched, WatchStatus.Watching, WatchStatus.Completed })
            {
                var statusName = status is { } s ? SnakeCaseEnum<WatchStatus>.ToName(s) : null;
                var expected = await fixture.DbAsync(db => db.Database
                    .SqlQueryRaw<string>(Placeholders(FormerFamilyWatchlist), new Npgsql.NpgsqlParameter("p0", family.Id),
                        new Npgsql.NpgsqlParameter("p1", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)statusName ?? DBNull.Value })
                    .ToListAsync());
                var actual = new List<string>();
                string? cursor = null;
                do
                {
                    var page = await fixture.WithAsync<FamilyWatchlistService, Page<FamilyWatchlistItem>>(
                        service => service.ListAsync(admin, family.Id, status, new PageRequest(7, cursor), default));
                    actual.AddRange(page.Items.Select(i => JsonSerializer.Serialize(i, InFocusJson.Options)));
                    cursor = page.NextCursor;
                }
                while (cursor is not null);

                var expectedItems = await fixture.WithAsync<MediaImages, List<string>>(images => Task.FromResult(expected
                    .Select(row => JsonSerializer.Deserialize<FormerRow>(row, InFocusJson.Options)!)
                    .Select(row => JsonSerializer.Serialize(new FamilyWatchlistItem(row.Media.ToSummary(images), row.MemberCount, row.Members), InFocusJson.Options))
                    .ToList()));
                Assert.True(expectedItems.SequenceEqual(actual), $"family watchlist ({statusName ?? "all"}) differs after {after}");
            }
        }

        foreach (var user in users)
        {
            var actual = await fixture.WithAsync<WatchlistStatistics, WatchlistStatsResponse>(s => s.GetAsync(user.AsCaller(), default));
            var expected = await FormerStatisticsAsync(user.Id);
            Assert.True(
                JsonSerializer.Serialize(expected, InFocusJson.Options) == JsonSerializer.Serialize(actual, InFocusJson.Options),
                $"statistics of {user.Name} differ after {after}: {JsonSerializer.Serialize(actual, InFocusJson.Options)}");
        }
    }

    /// <summary>The statistics as the former queries computed them, from the whole list.</summary>
    private Task<WatchlistStatsResponse> FormerStatisticsAsync(string userId) => fixture.DbAsync(async db =>
    {
        var entries = db.WatchlistEntries.Where(e => e.UserId == userId);
        var statuses = await entries
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Rated = g.Count(e => e.Rating != null), RatingSum = g.Sum(e => e.Rating) ?? 0 })
            .ToListAsync();
        var genres = await entries
            .SelectMany(e => e.MediaItem!.Genres)
            .GroupBy(genre => genre)
            .Select(g => new { Genre = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Genre)
            .Select(g => new GenreCount(g.Genre, g.Count))
            .ToListAsync();
        var rated = statuses.Sum(s => s.Rated);
        return new WatchlistStatsResponse(
            statuses.Sum(s => s.Count),
            Enum.GetValues<WatchStatus>().Select(status => new StatusCount(status, statuses.SingleOrDefault(s => s.Status == status)?.Count ?? 0)).ToList(),
            rated,
            rated == 0 ? null : Math.Round((decimal)statuses.Sum(s => s.RatingSum) / rated, 2),
            genres);
    });

    private sealed record FormerRow(TitleRow Media, int MemberCount, IReadOnlyList<FamilyWatchlistEntry> Members);
}
