using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Tonight;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Tonight;

/// <summary>Recording what a family watches and listing the picks, newest first.</summary>
public sealed class TonightPickServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_pick_records_the_title_who_picked_and_who_was_present_and_lists_newest_first()
    {
        var (ada, bob, familyId) = await FamilyAsync();
        var first = Entities.MediaItem("First");
        var second = Entities.MediaItem("Second");
        await fixture.SaveAsync(first, second);

        var everyone = await PickAsync(ada, familyId, new TonightPickRequest(first.Id, null));
        var bobAlone = await PickAsync(bob, familyId, new TonightPickRequest(second.Id, [bob.UserId]));
        var page1 = await ListAsync(ada, familyId, new PageRequest(1, null));
        var page2 = await ListAsync(bob, familyId, new PageRequest(1, page1.NextCursor));

        Assert.Equal(("First", "Ada"), (everyone.Media.Title, everyone.PickedBy!.Name));
        Assert.Equal(["Ada", "Bob"], everyone.Members.Select(m => m.Name));
        Assert.Equal(["Bob"], bobAlone.Members.Select(m => m.Name));
        Assert.Equal([bobAlone.Id, everyone.Id], page1.Items.Concat(page2.Items).Select(p => p.Id));
        Assert.Null(page2.NextCursor);
    }

    [Fact]
    public async Task Outsiders_unknown_titles_and_strangers_among_the_members_are_refused()
    {
        var (ada, _, familyId) = await FamilyAsync();
        var eve = await fixture.UserAsync("Eve");
        var title = Entities.MediaItem("A title");
        await fixture.SaveAsync(title);

        await Assert.ThrowsAsync<NotFoundException>(() => PickAsync(eve, familyId, new TonightPickRequest(title.Id, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => ListAsync(eve, familyId, PageRequest.First));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => PickAsync(ada, familyId, new TonightPickRequest(Cuid.NewId(), null)));
        var stranger = await Assert.ThrowsAsync<ValidationException>(() => PickAsync(ada, familyId, new TonightPickRequest(title.Id, [eve.UserId])));
        var missing = await Assert.ThrowsAsync<ValidationException>(() => PickAsync(ada, familyId, new TonightPickRequest(null, null)));

        Assert.Equal("Title was not found.", unknown.Message);
        Assert.Equal(["members"], stranger.Errors.Keys);
        Assert.Equal(["mediaItemId"], missing.Errors.Keys);
        Assert.Empty((await ListAsync(ada, familyId, PageRequest.First)).Items);
    }

    [Fact]
    public async Task Members_present_confirm_a_pick_by_recording_a_viewing_and_their_entry_moves_to_watching()
    {
        var (ada, bob, familyId) = await FamilyAsync();
        var cy = await fixture.UserAsync("Cy");
        await fixture.JoinAsync(familyId, cy, Domain.Families.FamilyRole.Member);
        var show = (await fixture.InsertShowsAsync(1, 1, 3, new DateOnly(2020, 1, 1)))[0];
        var movie = Entities.MediaItem("A movie");
        await fixture.SaveAsync(movie);
        var bobEntry = Cuid.NewId();
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO watchlist_entries (id, user_id, media_item_id, status) VALUES ({bobEntry}, {bob.UserId}, {show}, 'not_watched')"));
        var pick = await PickAsync(ada, familyId, new TonightPickRequest(show, [ada.UserId, bob.UserId]));
        var moviePick = await PickAsync(ada, familyId, new TonightPickRequest(movie.Id, [bob.UserId]));
        var now = DateTimeOffset.UtcNow;
        fixture.Clock.SetUtcNow(now); // picks are dated by PostgreSQL, viewings by the app's clock

        // Bob on his own entry; Ada and Cy (who was not there) together; Bob's movie viewing is dated days before the pick.
        await fixture.WithAsync<ProgressService>(s => s.RecordAsync(bob, bobEntry, new RecordViewingsRequest(1, 1, null, null, null), default));
        await fixture.WithAsync<FamilyProgressService>(s => s.RecordAsync(ada, familyId, new FamilyViewingsRequest(show, 1, [1], null, [ada.UserId, cy.UserId]), default));
        await fixture.WithAsync<FamilyProgressService>(s => s.RecordAsync(bob, familyId, new FamilyViewingsRequest(movie.Id, null, null, now.AddDays(-3), [bob.UserId]), default));
        await fixture.WithAsync<ProgressService>(s => s.RecordAsync(bob, bobEntry, new RecordViewingsRequest(1, 2, null, null, null), default));

        var picks = (await ListAsync(bob, familyId, PageRequest.First)).Items.ToDictionary(p => p.Id);
        Assert.Equal(["Ada", "Bob"], picks[pick.Id].ConfirmedBy.Select(m => m.Name));
        Assert.Empty(picks[moviePick.Id].ConfirmedBy);
        var statuses = await fixture.DbAsync(db => db.WatchlistEntries.Where(w => w.MediaItemId == show).Select(w => w.Status).ToListAsync());
        Assert.Equal([WatchStatus.Watching, WatchStatus.Watching, WatchStatus.Watching], statuses);
        var stored = await fixture.DbAsync(db => db.TonightPicks.SingleAsync(p => p.Id == pick.Id));
        Assert.Equal([ada.UserId, bob.UserId], stored.ConfirmedIds.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(2, stored.ConfirmedIds.Count);
    }

    private async Task<(CurrentUser Ada, CurrentUser Bob, string FamilyId)> FamilyAsync()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        return (ada, bob, await fixture.FamilyAsync(ada, bob));
    }

    private Task<TonightPickResponse> PickAsync(CurrentUser user, string familyId, TonightPickRequest request) =>
        fixture.WithAsync<TonightPickService, TonightPickResponse>(s => s.PickAsync(user, familyId, request, default));

    private Task<Page<TonightPickResponse>> ListAsync(CurrentUser user, string familyId, PageRequest page) =>
        fixture.WithAsync<TonightPickService, Page<TonightPickResponse>>(s => s.ListAsync(user, familyId, page, default));
}
