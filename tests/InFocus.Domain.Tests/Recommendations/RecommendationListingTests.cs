using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Recommendations;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Recommendations;

public sealed class RecommendationListingTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task The_recipient_sees_received_and_the_sender_sent_recommendations_with_the_title_and_the_other_person()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var sent = await CreateAsync(world.Sender, world.Recommend("Watch it"));

        var received = Assert.Single((await ReceivedAsync(world.Recipient, null, PageRequest.First)).Items);
        var outgoing = Assert.Single((await SentAsync(world.Sender, null, PageRequest.First)).Items);

        Assert.Equal(sent.Id, received.Id);
        Assert.Equal(sent.Id, outgoing.Id);
        Assert.Equal(("Sam Sender", "Paddington 2", "Watch it"), (received.RecommendedBy.Name, received.Media.Title, received.Message));
        Assert.Equal("Rita Recipient", outgoing.RecommendedTo.Name);
        Assert.Empty((await SentAsync(world.Recipient, null, PageRequest.First)).Items);
        Assert.Empty((await ReceivedAsync(world.Sender, null, PageRequest.First)).Items);
    }

    [Fact]
    public async Task People_who_take_no_part_see_none_of_it()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        await CreateAsync(world.Sender, world.Recommend());

        foreach (var other in new[] { world.Bystander, world.Stranger })
        {
            Assert.Empty((await ReceivedAsync(other, null, PageRequest.First)).Items);
            Assert.Empty((await SentAsync(other, null, PageRequest.First)).Items);
        }
    }

    [Fact]
    public async Task Lists_are_newest_first_filter_by_status_and_page_without_gaps_while_new_ones_arrive()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var titles = Enumerable.Range(0, 5).Select(i => Entities.MediaItem($"Title {i}")).ToList();
        await fixture.SaveAsync([.. titles]);
        var ids = new List<string>();
        foreach (var title in titles)
        {
            ids.Add((await CreateAsync(world.Sender, world.Recommend() with { MediaItemId = title.Id })).Id);
        }

        await fixture.WithAsync<RecommendationReplies, RecommendationResponse>(r => r.RejectAsync(world.Recipient.AsCaller(), ids[1], default));
        var first = await ReceivedAsync(world.Recipient, null, PageRequest.Create("2", null));
        await CreateAsync(world.Sender, world.Recommend());
        var second = await ReceivedAsync(world.Recipient, null, PageRequest.Create("2", first.NextCursor));
        var third = await ReceivedAsync(world.Recipient, null, PageRequest.Create("2", second.NextCursor));
        var pending = await SentAsync(world.Sender, "pending", PageRequest.Create("10", null));
        var rejected = await ReceivedAsync(world.Recipient, "rejected", PageRequest.First);

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], new[] { first, second, third }.SelectMany(p => p.Items).Select(r => r.Id));
        Assert.Null(third.NextCursor);
        Assert.Equal(5, pending.Items.Count);
        Assert.DoesNotContain(ids[1], pending.Items.Select(r => r.Id));
        Assert.Equal([ids[1]], rejected.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task An_unknown_status_or_a_cursor_of_another_list_is_a_validation_error()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        await CreateAsync(world.Sender, world.Recommend());
        await CreateAsync(world.Bystander, world.Recommend());
        var page = await ReceivedAsync(world.Recipient, null, PageRequest.Create("1", null));

        Assert.Equal(["status"], (await Assert.ThrowsAsync<ValidationException>(() => ReceivedAsync(world.Recipient, "maybe", PageRequest.First))).Errors.Keys);
        Assert.Equal(["cursor"], (await Assert.ThrowsAsync<ValidationException>(() => SentAsync(world.Recipient, null, PageRequest.Create(null, page.NextCursor)))).Errors.Keys);
        Assert.Equal(["cursor"], (await Assert.ThrowsAsync<ValidationException>(() => ReceivedAsync(world.Recipient, "pending", PageRequest.Create(null, page.NextCursor)))).Errors.Keys);
    }

    private Task<RecommendationResponse> CreateAsync(User sender, RecommendRequest request) =>
        fixture.WithAsync<RecommendationService, RecommendationResponse>(s => s.CreateAsync(sender.AsCaller(), request, default));

    private Task<Page<RecommendationResponse>> ReceivedAsync(User user, string? status, PageRequest page) =>
        fixture.WithAsync<RecommendationListing, Page<RecommendationResponse>>(l => l.ReceivedAsync(user.AsCaller(), status, page, default));

    private Task<Page<RecommendationResponse>> SentAsync(User user, string? status, PageRequest page) =>
        fixture.WithAsync<RecommendationListing, Page<RecommendationResponse>>(l => l.SentAsync(user.AsCaller(), status, page, default));
}
