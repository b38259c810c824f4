using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Watchlist;

public sealed class WatchlistServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Adding_a_title_by_id_returns_the_entry_with_its_title_and_defaults_to_not_watched()
    {
        var (user, media) = await ArrangeAsync();

        var entry = await AddAsync(user, new(media.Id, null, null, null, null, null));

        Assert.True(Cuid.IsValid(entry.Id));
        Assert.Equal(WatchStatus.NotWatched, entry.Status);
        Assert.Null(entry.Rating);
        Assert.Null(entry.Notes);
        Assert.Equal(entry.DateAdded, entry.DateUpdated);
        Assert.Matches("^\"[0-9]+\"$", entry.ETag);
        Assert.Equal(
            (media.Id, media.TmdbId, MediaType.Movie, "Arrival", "https://image.tmdb.org/t/p/w500/arrival.jpg", new DateOnly(2016, 11, 10)),
            (entry.Media.Id, entry.Media.TmdbId, entry.Media.Type, entry.Media.Title, entry.Media.PosterUrl, entry.Media.ReleaseDate));
        Assert.Equal(["Drama", "Science Fiction"], entry.Media.Genres);
        Assert.Equal(Json(entry), Json(await GetAsync(user, entry.Id)));
    }

    [Fact]
    public async Task Adding_keeps_the_given_status_rating_and_notes()
    {
        var (user, media) = await ArrangeAsync();

        var entry = await AddAsync(user, new(media.Id, null, null, "completed", 9, "Watch the director's cut."));

        Assert.Equal((WatchStatus.Completed, 9, "Watch the director's cut."), (entry.Status, entry.Rating, entry.Notes));
    }

    [Fact]
    public async Task Adding_a_catalog_title_by_tmdb_id_and_type_uses_the_stored_title()
    {
        var (user, media) = await ArrangeAsync();

        var entry = await AddAsync(user, new(null, media.TmdbId, "movie", null, null, null));

        Assert.Equal(media.Id, entry.Media.Id);
    }

    [Fact]
    public async Task Adding_the_same_title_twice_is_a_conflict_naming_the_existing_entry()
    {
        var (user, media) = await ArrangeAsync();
        var first = await AddAsync(user, new(media.Id, null, null, null, null, null));

        var error = await Assert.ThrowsAsync<ConflictException>(() => AddAsync(user, new(null, media.TmdbId, "movie", "watching", null, null)));

        Assert.Equal(first.Id, error.Extensions["existingEntryId"]);
        Assert.Equal(1, await fixture.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == user.Id)));
    }

    [Fact]
    public async Task Adding_the_same_title_at_once_from_two_requests_makes_one_entry_and_one_conflict_naming_it()
    {
        var (user, media) = await ArrangeAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Record.ExceptionAsync(() => AddAsync(user, new(media.Id, null, null, null, null, null)))));

        var entryId = await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id).Select(e => e.Id).SingleAsync());
        Assert.Single(attempts, e => e is null);
        Assert.All(attempts.OfType<ConflictException>(), e => Assert.Equal(entryId, e.Extensions["existingEntryId"]));
        Assert.Equal(3, attempts.OfType<ConflictException>().Count());
    }

    [Fact]
    public async Task The_same_title_can_be_on_the_lists_of_different_users()
    {
        var (user, media) = await ArrangeAsync();
        var other = Entities.User();
        await fixture.SaveAsync(other);

        await AddAsync(user, new(media.Id, null, null, null, null, null));
        await AddAsync(other, new(media.Id, null, null, null, null, null));

        Assert.Equal(2, await fixture.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.MediaItemId == media.Id)));
    }

    [Theory]
    [InlineData(null, null, null, null, null, "mediaItemId,tmdbId")]
    [InlineData("VALID", 550, "movie", null, null, "mediaItemId,tmdbId")]
    [InlineData("VALID", null, "movie", null, null, "mediaItemId,tmdbId")]
    [InlineData("not-an-id", null, null, null, null, "mediaItemId")]
    [InlineData(null, 550, null, null, null, "type")]
    [InlineData(null, null, "movie", null, null, "tmdbId")]
    [InlineData(null, 0, "movie", null, null, "tmdbId")]
    [InlineData(null, 550, "podcast", null, null, "type")]
    [InlineData("VALID", null, null, "rewatching", null, "status")]
    [InlineData("VALID", null, null, null, 0, "rating")]
    [InlineData("VALID", null, null, null, 11, "rating")]
    [InlineData(null, -1, "series", "seen", 42, "tmdbId,type,status,rating")]
    public async Task Invalid_requests_name_every_offending_field(string? mediaItemId, int? tmdbId, string? type, string? status, int? rating, string fields)
    {
        var (user, media) = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            AddAsync(user, new(mediaItemId == "VALID" ? media.Id : mediaItemId, tmdbId, type, status, rating, null)));

        Assert.Equal(fields.Split(',').Order(), error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused()
    {
        var (user, media) = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            AddAsync(user, new(media.Id, null, null, null, null, new string('n', FieldLimits.Notes + 1))));

        Assert.Equal(["notes"], error.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_title_is_not_found()
    {
        var (user, _) = await ArrangeAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => AddAsync(user, new(Cuid.NewId(), null, null, null, null, null)));
    }

    [Fact]
    public async Task Deleting_removes_the_entry_and_a_second_delete_is_not_found()
    {
        var (user, media) = await ArrangeAsync();
        var entry = await AddAsync(user, new(media.Id, null, null, null, null, null));

        await fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(user.AsCaller(), entry.Id, default));

        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(user, entry.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(user.AsCaller(), entry.Id, default)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("c00000000000000000000000z")]
    public async Task Ids_that_do_not_name_an_entry_are_not_found(string id)
    {
        var (user, _) = await ArrangeAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(user, id));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(user.AsCaller(), id, default)));
    }

    private async Task<(User User, MediaItem Media)> ArrangeAsync()
    {
        var user = Entities.User();
        var media = Entities.MediaItem("Arrival");
        media.PosterPath = "/arrival.jpg";
        media.ReleaseDate = new DateOnly(2016, 11, 10);
        media.Genres = ["Drama", "Science Fiction"];
        await fixture.SaveAsync(user, media);
        return (user, media);
    }

    private Task<WatchlistEntryResponse> AddAsync(User user, AddWatchlistEntryRequest request) =>
        fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.AddAsync(user.AsCaller(), request, default));

    private static string Json(object value) => JsonSerializer.Serialize(value, InFocusJson.Options);

    private Task<WatchlistEntryResponse> GetAsync(User user, string id) =>
        fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.GetAsync(user.AsCaller(), id, default));
}
