using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Tonight;
using InFocus.TestKit;

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
