using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Watchlist;

public sealed class WatchlistListingTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private static readonly WatchlistQuery Default = new(null, null, null);

    [Fact]
    public async Task The_default_order_is_newest_first_and_pages_cover_every_entry_once()
    {
        var user = await UserAsync();
        var added = new List<string>();
        foreach (var title in new[] { "A", "B", "C", "D", "E" })
        {
            added.Add(await AddOneAsync(user, title));
        }

        var pages = await ReadPagesAsync(user, Default, limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Null(pages[^1].NextCursor);
        Assert.Equal(added.AsEnumerable().Reverse(), pages.SelectMany(p => p.Items).Select(e => e.Id));
    }

    [Fact]
    public async Task Entries_added_at_the_same_time_are_ordered_by_id_in_the_same_direction()
    {
        var user = await UserAsync();
        var ids = await AddManyAsync(user, ("A", null, WatchStatus.NotWatched), ("B", null, WatchStatus.NotWatched), ("C", null, WatchStatus.NotWatched));

        var descending = (await ReadPagesAsync(user, Default, limit: 1)).SelectMany(p => p.Items).Select(e => e.Id).ToList();
        var ascending = (await ReadPagesAsync(user, Default with { Order = "asc" }, limit: 2)).SelectMany(p => p.Items).Select(e => e.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), descending);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ascending);
    }

    [Fact]
    public async Task Pages_continue_where_the_last_one_ended_while_entries_are_added_removed_and_changed()
    {
        var user = await UserAsync();
        var original = new List<string>();
        foreach (var title in new[] { "A", "B", "C", "D", "E", "F" })
        {
            original.Add(await AddOneAsync(user, title));
        }

        var first = await ListAsync(user, Default, PageRequest.Create("2", null));
        await AddOneAsync(user, "Newer than every page");
        await fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(user.AsCaller(), first.Items[0].Id, default));
        await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.Id == original[0]).ExecuteUpdateAsync(s => s.SetProperty(e => e.Rating, 7)));
        var rest = await ReadPagesAsync(user, Default, limit: 2, first.NextCursor);

        Assert.Equal([original[5], original[4]], first.Items.Select(e => e.Id));
        Assert.Equal([original[3], original[2], original[1], original[0]], rest.SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Equal(7, rest[^1].Items[^1].Rating);
    }

    [Fact]
    public async Task By_update_time_an_entry_changed_between_pages_moves_to_its_new_place_and_is_not_repeated()
    {
        var user = await UserAsync();
        var ids = new List<string>();
        foreach (var title in new[] { "A", "B", "C", "D" })
        {
            ids.Add(await AddOneAsync(user, title));
        }

        var query = Default with { Sort = "updated" };
        var first = await ListAsync(user, query, PageRequest.Create("2", null));
        await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(e => e.Notes, "touched")));
        var rest = await ReadPagesAsync(user, query, limit: 2, first.NextCursor);

        Assert.Equal([ids[3], ids[2]], first.Items.Select(e => e.Id));
        Assert.Equal([ids[1]], rest.SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Equal(ids[0], (await ListAsync(user, query, PageRequest.First)).Items[0].Id);
    }

    [Fact]
    public async Task By_title_the_default_is_alphabetical_and_desc_reverses_it()
    {
        var user = await UserAsync();
        await AddManyAsync(user, ("Casablanca", null, WatchStatus.NotWatched), ("Alien", null, WatchStatus.NotWatched), ("Brazil", null, WatchStatus.NotWatched));

        var ascending = await TitlesAsync(user, Default with { Sort = "title" }, limit: 2);
        var descending = await TitlesAsync(user, Default with { Sort = "title", Order = "desc" }, limit: 2);

        Assert.Equal(["Alien", "Brazil", "Casablanca"], ascending);
        Assert.Equal(["Casablanca", "Brazil", "Alien"], descending);
    }

    [Fact]
    public async Task By_rating_unrated_entries_come_last_in_both_directions_and_pages_cross_them()
    {
        var user = await UserAsync();
        await AddManyAsync(
            user,
            ("Unrated 1", null, WatchStatus.NotWatched),
            ("Ten", 10, WatchStatus.Completed),
            ("Three", 3, WatchStatus.Completed),
            ("Unrated 2", null, WatchStatus.Watching),
            ("Eight", 8, WatchStatus.Completed),
            ("Eight again", 8, WatchStatus.Completed));

        var descending = await ReadPagesAsync(user, Default with { Sort = "rating" }, limit: 1);
        var ascending = await ReadPagesAsync(user, Default with { Sort = "rating", Order = "asc" }, limit: 2);

        Assert.Equal([10, 8, 8, 3, null, null], descending.SelectMany(p => p.Items).Select(e => e.Rating));
        Assert.Equal([3, 8, 8, 10, null, null], ascending.SelectMany(p => p.Items).Select(e => e.Rating));
        Assert.Equal(6, descending.SelectMany(p => p.Items).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_status_filter_lists_only_entries_in_that_status()
    {
        var user = await UserAsync();
        await AddManyAsync(user, ("A", null, WatchStatus.Watching), ("B", null, WatchStatus.Completed), ("C", null, WatchStatus.Watching));

        var watching = await ReadPagesAsync(user, Default with { Status = "watching" }, limit: 1);

        Assert.Equal(["A", "C"], watching.SelectMany(p => p.Items).Select(e => e.Media.Title).Order());
        Assert.All(watching.SelectMany(p => p.Items), e => Assert.Equal(WatchStatus.Watching, e.Status));
    }

    [Fact]
    public async Task Only_the_callers_own_entries_are_listed()
    {
        var user = await UserAsync();
        var other = await UserAsync();
        await AddManyAsync(other, ("Theirs", 5, WatchStatus.Completed));

        Assert.Empty((await ListAsync(user, Default, PageRequest.First)).Items);
    }

    [Theory]
    [InlineData("seen", null, null, "status")]
    [InlineData(null, "popularity", null, "sort")]
    [InlineData(null, null, "sideways", "order")]
    [InlineData("seen", "popularity", "sideways", "status,sort,order")]
    public async Task Unknown_query_values_are_refused_naming_the_parameter(string? status, string? sort, string? order, string fields)
    {
        var user = await UserAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, new(status, sort, order), PageRequest.First));

        Assert.Equal(fields.Split(',').Order(), error.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_cursor_only_continues_the_list_it_came_from()
    {
        var user = await UserAsync();
        await AddManyAsync(user, ("A", 1, WatchStatus.Completed), ("B", 2, WatchStatus.Completed));
        var byRating = await ListAsync(user, Default with { Sort = "rating" }, PageRequest.Create("1", null));

        foreach (var other in new[] { Default, Default with { Sort = "rating", Order = "asc" }, Default with { Sort = "rating", Status = "completed" } })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, other, PageRequest.Create("1", byRating.NextCursor)));
            Assert.Equal(["cursor"], error.Errors.Keys);
        }
    }

    [Theory]
    [InlineData("bm90IGEgY3Vyc29y")]
    [InlineData("%%%")]
    public async Task A_malformed_cursor_is_a_validation_error(string cursor)
    {
        var user = await UserAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, Default, PageRequest.Create(null, cursor)));

        Assert.Equal(["cursor"], error.Errors.Keys);
    }

    [Fact]
    public async Task A_forged_cursor_is_a_validation_error_not_a_failed_query()
    {
        var user = await UserAsync();
        var forged = new[]
        {
            PageCursor.Encode("watchlist:title:asc:all", new KeysetPosition<string>("nul\0title", Cuid.NewId())),
            PageCursor.Encode("watchlist:title:asc:all", new KeysetPosition<string>("A", "'; DROP TABLE users; --")),
        };

        foreach (var cursor in forged)
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, Default with { Sort = "title" }, PageRequest.Create(null, cursor)));
            Assert.Equal(["is not a valid cursor for this list."], error.Errors["cursor"]);
        }
    }

    [Fact]
    public async Task A_cursor_time_in_any_offset_continues_at_the_same_instant()
    {
        var user = await UserAsync();
        var ids = await AddManyAsync(user, ("A", null, WatchStatus.NotWatched));
        var added = (await ListAsync(user, Default, PageRequest.First)).Items[0].DateAdded;
        var cursor = PageCursor.Encode("watchlist:added:asc:all", new KeysetPosition<DateTimeOffset>(added.ToOffset(TimeSpan.FromHours(5)), ids[0]));

        var page = await ListAsync(user, Default with { Order = "asc" }, PageRequest.Create(null, cursor));

        Assert.Empty(page.Items);
    }

    private async Task<User> UserAsync()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        return user;
    }

    /// <summary>Adds one title in its own transaction, so each entry gets a later time than the one before.</summary>
    private async Task<string> AddOneAsync(User user, string title) => (await AddManyAsync(user, (title, null, WatchStatus.NotWatched)))[0];

    /// <summary>Adds titles in one transaction: their entries share one time (PostgreSQL's now()).</summary>
    private async Task<List<string>> AddManyAsync(User user, params (string Title, int? Rating, WatchStatus Status)[] rows)
    {
        var media = rows.Select(r => Entities.MediaItem(r.Title)).ToList();
        var entries = rows.Select((r, i) => Entities.WatchlistEntry(user, media[i], r.Status, r.Rating)).ToList();
        await fixture.SaveAsync([.. media, .. entries]);
        return entries.Select(e => e.Id).ToList();
    }

    private Task<Page<WatchlistEntryResponse>> ListAsync(User user, WatchlistQuery query, PageRequest page) =>
        fixture.WithAsync<WatchlistListing, Page<WatchlistEntryResponse>>(l => l.ListAsync(user.AsCaller(), query, page, default));

    private async Task<List<Page<WatchlistEntryResponse>>> ReadPagesAsync(User user, WatchlistQuery query, int limit, string? cursor = null)
    {
        var pages = new List<Page<WatchlistEntryResponse>>();
        do
        {
            var page = await ListAsync(user, query, new PageRequest(limit, cursor));
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return pages;
    }

    private async Task<List<string>> TitlesAsync(User user, WatchlistQuery query, int limit) =>
        (await ReadPagesAsync(user, query, limit)).SelectMany(p => p.Items).Select(e => e.Media.Title).ToList();
}
