using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Watchlist;

/// <summary>Reading a watchlist costs a fixed number of SQL statements however long it is (no N+1).</summary>
public sealed class WatchlistQueryCountTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Theory]
    [InlineData("added")]
    [InlineData("updated")]
    [InlineData("title")]
    [InlineData("rating")]
    public async Task A_page_is_one_statement_for_10_or_1000_entries_in_every_sort(string sort)
    {
        var small = await UserWithEntriesAsync(10);
        var large = await UserWithEntriesAsync(1_000);
        var query = new WatchlistQuery(null, sort, null);

        var smallPage = await CountAsync(l => l.ListAsync(small.AsCaller(), query, new PageRequest(PageRequest.MaxLimit, null), default));
        var largePage = await CountAsync(l => l.ListAsync(large.AsCaller(), query, new PageRequest(PageRequest.MaxLimit, null), default));
        var largeNextPage = await CountAsync(l => l.ListAsync(large.AsCaller(), query, new PageRequest(PageRequest.MaxLimit, largePage.Page.NextCursor), default));

        Assert.Equal((10, 1), (smallPage.Page.Items.Count, smallPage.Statements));
        Assert.Equal((PageRequest.MaxLimit, 1), (largePage.Page.Items.Count, largePage.Statements));
        Assert.Equal((PageRequest.MaxLimit, 1), (largeNextPage.Page.Items.Count, largeNextPage.Statements));
    }

    [Fact]
    public async Task Statistics_and_reading_an_entry_cost_the_same_for_10_or_1000_entries()
    {
        var costs = new List<(int Stats, int Get)>();
        foreach (var size in new[] { 10, 1_000 })
        {
            var user = await UserWithEntriesAsync(size);
            var entryId = await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id).Select(e => e.Id).FirstAsync());

            fixture.Statements.Reset();
            var stats = await fixture.WithAsync<WatchlistStatistics, WatchlistStatsResponse>(s => s.GetAsync(user.AsCaller(), default));
            var statsStatements = fixture.Statements.Count;
            fixture.Statements.Reset();
            await fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.GetAsync(user.AsCaller(), entryId, default));

            Assert.Equal(size, stats.Total);
            costs.Add((statsStatements, fixture.Statements.Count));
        }

        Assert.Equal([(2, 1), (2, 1)], costs);
    }

    private async Task<(Page<WatchlistEntryResponse> Page, int Statements)> CountAsync(Func<WatchlistListing, Task<Page<WatchlistEntryResponse>>> list)
    {
        await using var scope = fixture.CreateScope();
        var listing = scope.ServiceProvider.GetRequiredService<WatchlistListing>();
        fixture.Statements.Reset();
        var page = await list(listing);
        return (page, fixture.Statements.Count);
    }

    /// <summary>A user with <paramref name="count"/> titles on their list in every status, most of them rated.</summary>
    private async Task<User> UserWithEntriesAsync(int count)
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var titles = await fixture.InsertTitlesAsync(count);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO watchlist_entries (id, user_id, media_item_id, status, rating)
            SELECT id, {user.Id}, media_item_id, (ARRAY['not_watched', 'watching', 'completed'])[1 + n % 3], NULLIF(n % 11, 0)
            FROM unnest({BulkData.NewIds(count)}, {titles}) WITH ORDINALITY AS t(id, media_item_id, n)
            """));
        return user;
    }
}
