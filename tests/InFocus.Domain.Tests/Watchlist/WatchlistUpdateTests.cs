using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Watchlist;

public sealed class WatchlistUpdateTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Members_present_change_absent_ones_stay_and_the_etag_and_update_time_move_on()
    {
        var (user, entry) = await ArrangeAsync();

        var updated = await UpdateAsync(user, entry.Id, """{ "status": "watching", "notes": "Episode 3" }""");

        Assert.Equal((WatchStatus.Watching, (int?)6, "Episode 3"), (updated.Status, updated.Rating, updated.Notes));
        Assert.NotEqual(entry.ETag, updated.ETag);
        Assert.True(updated.DateUpdated > entry.DateUpdated);
        Assert.Equal(entry.DateAdded, updated.DateAdded);
        Assert.Equal(updated.ETag, (await GetAsync(user, entry.Id)).ETag);
    }

    [Fact]
    public async Task A_null_rating_or_notes_clears_them()
    {
        var (user, entry) = await ArrangeAsync();

        var updated = await UpdateAsync(user, entry.Id, """{ "rating": null, "notes": null }""");

        Assert.Equal((WatchStatus.Completed, (int?)null, (string?)null), (updated.Status, updated.Rating, updated.Notes));
    }

    [Fact]
    public async Task An_empty_patch_changes_nothing_and_keeps_the_etag()
    {
        var (user, entry) = await ArrangeAsync();

        var updated = await UpdateAsync(user, entry.Id, "{}");

        Assert.Equal((entry.ETag, entry.DateUpdated, entry.Rating), (updated.ETag, updated.DateUpdated, updated.Rating));
    }

    [Theory]
    [InlineData("""{ "status": null }""", "status")]
    [InlineData("""{ "status": "" }""", "status")]
    [InlineData("""{ "status": "paused" }""", "status")]
    [InlineData("""{ "rating": 0 }""", "rating")]
    [InlineData("""{ "rating": 11, "status": "done" }""", "rating,status")]
    public async Task Invalid_values_are_refused_naming_the_field_and_nothing_changes(string body, string fields)
    {
        var (user, entry) = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => UpdateAsync(user, entry.Id, body));

        Assert.Equal(fields.Split(',').Order(), error.Errors.Keys.Order());
        Assert.Equal(entry.ETag, (await GetAsync(user, entry.Id)).ETag);
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused()
    {
        var (user, entry) = await ArrangeAsync();
        var body = JsonSerializer.Serialize(new { notes = new string('n', FieldLimits.Notes + 1) });

        var error = await Assert.ThrowsAsync<ValidationException>(() => UpdateAsync(user, entry.Id, body));

        Assert.Equal(["notes"], error.Errors.Keys);
    }

    [Fact]
    public async Task With_the_current_etag_the_update_applies_and_with_a_stale_one_it_fails_with_412()
    {
        var (user, entry) = await ArrangeAsync();
        var phone = await UpdateAsync(user, entry.Id, """{ "rating": 7 }""", IfMatch.AnyOf([entry.ETag]));

        var laptop = await Record.ExceptionAsync(() => UpdateAsync(user, entry.Id, """{ "rating": 3 }""", IfMatch.AnyOf([entry.ETag])));

        Assert.IsType<PreconditionFailedException>(laptop);
        var stored = await GetAsync(user, entry.Id);
        Assert.Equal((7, phone.ETag), (stored.Rating, stored.ETag));
        Assert.Equal(3, (await UpdateAsync(user, entry.Id, """{ "rating": 3 }""", IfMatch.AnyOf(["\"1\"", phone.ETag]))).Rating);
    }

    [Fact]
    public async Task If_match_any_and_no_precondition_always_apply()
    {
        var (user, entry) = await ArrangeAsync();
        await UpdateAsync(user, entry.Id, """{ "rating": 7 }""");

        var any = await UpdateAsync(user, entry.Id, """{ "rating": 8 }""", IfMatch.Any);
        var unconditional = await UpdateAsync(user, entry.Id, """{ "rating": 9 }""");

        Assert.Equal((8, 9), (any.Rating!.Value, unconditional.Rating!.Value));
    }

    [Fact]
    public async Task A_conditional_update_that_loses_a_race_after_its_check_fails_with_412_instead_of_overwriting()
    {
        var (user, entry) = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => UpdateRacedAsync(user, entry, IfMatch.AnyOf([entry.ETag])));

        Assert.Equal("raced", (await GetAsync(user, entry.Id)).Notes);
        Assert.Contains("changed since you read it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eight_unconditional_updates_at_once_all_apply_and_the_last_write_wins()
    {
        var (user, entry) = await ArrangeAsync();

        var updates = await Task.WhenAll(Enumerable.Range(1, 8).Select(rating =>
            Task.Run(() => UpdateAsync(user, entry.Id, $$"""{ "rating": {{rating}}, "notes": "from device {{rating}}" }"""))));

        var stored = await GetAsync(user, entry.Id);
        Assert.Contains(stored.Rating!.Value, Enumerable.Range(1, 8));
        Assert.Equal($"from device {stored.Rating}", stored.Notes);
        Assert.All(updates, u => Assert.Equal($"from device {u.Rating}", u.Notes));
    }

    [Fact]
    public async Task An_unconditional_update_is_two_statements_and_an_empty_one_a_single_read()
    {
        var (user, entry) = await ArrangeAsync();
        var costs = new List<int>();
        foreach (var body in new[] { """{ "rating": 2 }""", "{}" })
        {
            await using var scope = fixture.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<WatchlistService>();
            fixture.Statements.Reset();
            await service.UpdateAsync(user.AsCaller(), entry.Id, Parse(body), null, default);
            costs.Add(fixture.Statements.Count);
        }

        Assert.Equal([2, 1], costs);
    }

    [Fact]
    public async Task An_unconditional_update_of_a_deleted_entry_is_not_found()
    {
        var (user, entry) = await ArrangeAsync();
        await fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(user.AsCaller(), entry.Id, default));

        await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(user, entry.Id, """{ "rating": 1 }"""));
        await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(user, entry.Id, """{ "rating": 1 }""", IfMatch.Any));
    }

    [Fact]
    public async Task An_update_setting_the_values_the_entry_already_has_keeps_the_etag()
    {
        var (user, entry) = await ArrangeAsync();

        var updated = await UpdateAsync(user, entry.Id, """{ "status": "completed", "rating": 6, "notes": "Loved it" }""");

        Assert.Equal((entry.ETag, entry.DateUpdated), (updated.ETag, updated.DateUpdated));
    }

    [Fact]
    public async Task Another_users_entry_is_not_found_for_family_members_and_strangers_alike_and_stays_unchanged()
    {
        var (owner, entry) = await ArrangeAsync();
        var (familyMember, stranger) = (Entities.User(), Entities.User());
        var family = Entities.Family(owner);
        await fixture.SaveAsync(familyMember, stranger, family, Entities.Membership(family, owner, FamilyRole.Admin), Entities.Membership(family, familyMember));

        foreach (var other in new[] { familyMember, stranger })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(other, entry.Id));
            await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(other, entry.Id, """{ "rating": 1 }"""));
            await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(other, entry.Id, """{ "rating": 1 }""", IfMatch.AnyOf([entry.ETag])));
            await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<WatchlistService>(s => s.DeleteAsync(other.AsCaller(), entry.Id, default)));
        }

        Assert.Equal(entry.ETag, (await GetAsync(owner, entry.Id)).ETag);
    }

    /// <summary>
    /// Updates the rating to 10 while another writer changes the notes between this update's read and its write
    /// (injected by an interceptor on the update's first save), as a second device would.
    /// </summary>
    private async Task<WatchlistEntryResponse> UpdateRacedAsync(User user, WatchlistEntryResponse entry, IfMatch precondition)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InFocusDbContext>();
        var raced = false;
        db.SavingChanges += (_, _) =>
        {
            if (!raced)
            {
                raced = true;
                fixture.DbAsync(other => other.WatchlistEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Notes, "raced"))).GetAwaiter().GetResult();
            }
        };
        var service = scope.ServiceProvider.GetRequiredService<WatchlistService>();
        return await service.UpdateAsync(user.AsCaller(), entry.Id, Parse("""{ "rating": 10 }"""), precondition, default);
    }

    private async Task<(User User, WatchlistEntryResponse Entry)> ArrangeAsync()
    {
        var user = Entities.User();
        var media = Entities.MediaItem();
        await fixture.SaveAsync(user, media);
        var entry = await fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(
            s => s.AddAsync(user.AsCaller(), new(media.Id, null, null, "completed", 6, "Loved it"), default));
        return (user, entry);
    }

    private static UpdateWatchlistEntryRequest Parse(string json) => JsonSerializer.Deserialize<UpdateWatchlistEntryRequest>(json, InFocusJson.Options)!;

    private Task<WatchlistEntryResponse> UpdateAsync(User user, string id, string json, IfMatch? precondition = null) =>
        fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.UpdateAsync(user.AsCaller(), id, Parse(json), precondition, default));

    private Task<WatchlistEntryResponse> GetAsync(User user, string id) =>
        fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.GetAsync(user.AsCaller(), id, default));
}
