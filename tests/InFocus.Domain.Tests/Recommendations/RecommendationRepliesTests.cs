using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Recommendations;

public sealed class RecommendationRepliesTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Accepting_records_the_answer_and_puts_the_title_on_the_recipients_watchlist_as_not_watched()
    {
        var (world, recommendation) = await PendingAsync();

        var accepted = await AcceptAsync(world.Recipient, recommendation.Id);

        Assert.Equal(RecommendationStatus.Accepted, accepted.Status);
        Assert.Equal(fixture.Clock.GetUtcNow(), accepted.RespondedAt);
        var entry = await fixture.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.UserId == world.Recipient.Id));
        Assert.Equal((world.Media.Id, WatchStatus.NotWatched, (int?)null), (entry.MediaItemId, entry.Status, entry.Rating));
        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == world.Sender.Id)));
    }

    [Fact]
    public async Task Accepting_a_title_already_on_the_watchlist_leaves_that_entry_as_it_was()
    {
        var (world, recommendation) = await PendingAsync();
        var existing = Entities.WatchlistEntry(world.Recipient, world.Media, WatchStatus.Completed, rating: 9);
        await fixture.SaveAsync(existing);

        await AcceptAsync(world.Recipient, recommendation.Id);

        var entry = await fixture.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.UserId == world.Recipient.Id));
        Assert.Equal((existing.Id, WatchStatus.Completed, (int?)9, existing.Version), (entry.Id, entry.Status, entry.Rating, entry.Version));
    }

    [Fact]
    public async Task Rejecting_records_the_answer_and_adds_nothing()
    {
        var (world, recommendation) = await PendingAsync();

        var rejected = await RejectAsync(world.Recipient, recommendation.Id);

        Assert.Equal((RecommendationStatus.Rejected, fixture.Clock.GetUtcNow()), (rejected.Status, rejected.RespondedAt!.Value));
        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == world.Recipient.Id)));
    }

    [Fact]
    public async Task Answering_the_same_way_twice_returns_the_same_result_and_changes_nothing()
    {
        var (world, recommendation) = await PendingAsync();
        var first = await AcceptAsync(world.Recipient, recommendation.Id);
        await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == world.Recipient.Id).ExecuteDeleteAsync());
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await AcceptAsync(world.Recipient, recommendation.Id);

        Assert.Equal((first.Status, first.RespondedAt), (again.Status, again.RespondedAt));
        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == world.Recipient.Id)));

        var (otherWorld, other) = await PendingAsync();
        var rejected = await RejectAsync(otherWorld.Recipient, other.Id);
        Assert.Equal(rejected.RespondedAt, (await RejectAsync(otherWorld.Recipient, other.Id)).RespondedAt);
    }

    [Fact]
    public async Task Answering_the_other_way_once_answered_is_a_conflict()
    {
        var (world, accepted) = await PendingAsync();
        await AcceptAsync(world.Recipient, accepted.Id);
        var (other, rejected) = await PendingAsync();
        await RejectAsync(other.Recipient, rejected.Id);

        await Assert.ThrowsAsync<ConflictException>(() => RejectAsync(world.Recipient, accepted.Id));
        await Assert.ThrowsAsync<ConflictException>(() => AcceptAsync(other.Recipient, rejected.Id));
        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == other.Recipient.Id)));
    }

    [Fact]
    public async Task Only_the_recipient_can_answer_and_to_everyone_else_the_recommendation_is_not_found()
    {
        var (world, recommendation) = await PendingAsync();

        foreach (var other in new[] { world.Sender, world.Bystander, world.Stranger })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => AcceptAsync(other, recommendation.Id));
            await Assert.ThrowsAsync<NotFoundException>(() => RejectAsync(other, recommendation.Id));
        }

        var stored = await fixture.DbAsync(db => db.Recommendations.SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal(RecommendationStatus.Pending, stored.Status);
        Assert.False(await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.MediaItemId == world.Media.Id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c0000000000000000000000zz")]
    public async Task Unknown_ids_are_not_found(string id)
    {
        var (world, _) = await PendingAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => AcceptAsync(world.Recipient, id));
        await Assert.ThrowsAsync<NotFoundException>(() => RejectAsync(world.Recipient, id));
    }

    [Fact]
    public async Task Accepting_while_the_recipient_adds_the_title_by_hand_makes_exactly_one_entry_and_never_fails_the_accept()
    {
        for (var round = 0; round < 10; round++)
        {
            var (world, recommendation) = await PendingAsync();
            var manual = new AddWatchlistEntryRequest(world.Media.Id, null, null, "watching", 8, null);

            var accept = AcceptAsync(world.Recipient, recommendation.Id);
            var add = Record.ExceptionAsync(() => fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.AddAsync(world.Recipient.AsCaller(), manual, default)));
            await Task.WhenAll(accept, add);

            Assert.Equal(RecommendationStatus.Accepted, (await accept).Status);
            var entries = await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == world.Recipient.Id).ToListAsync());
            var entry = Assert.Single(entries);
            var addError = await add;
            if (addError is null)
            {
                Assert.Equal((WatchStatus.Watching, (int?)8), (entry.Status, entry.Rating));
            }
            else
            {
                Assert.Equal(entry.Id, Assert.IsType<ConflictException>(addError).Extensions["existingEntryId"]);
                Assert.Equal(WatchStatus.NotWatched, entry.Status);
            }
        }
    }

    [Fact]
    public async Task Concurrent_accepts_all_succeed_with_one_answer_and_one_entry()
    {
        var (world, recommendation) = await PendingAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => AcceptAsync(world.Recipient, recommendation.Id)));

        Assert.Single(answers.Select(a => a.RespondedAt).Distinct());
        Assert.Equal(1, await fixture.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == world.Recipient.Id)));
    }

    [Fact]
    public async Task Racing_accept_and_reject_end_with_one_answer_and_a_conflict_for_the_other()
    {
        var (world, recommendation) = await PendingAsync();

        var accept = Record.ExceptionAsync(() => AcceptAsync(world.Recipient, recommendation.Id));
        var reject = Record.ExceptionAsync(() => RejectAsync(world.Recipient, recommendation.Id));
        var errors = await Task.WhenAll(accept, reject);

        var stored = await fixture.DbAsync(db => db.Recommendations.SingleAsync(r => r.Id == recommendation.Id));
        Assert.Single(errors, e => e is null);
        Assert.IsType<ConflictException>(Assert.Single(errors, e => e is not null));
        var onWatchlist = await fixture.DbAsync(db => db.WatchlistEntries.AnyAsync(e => e.UserId == world.Recipient.Id));
        Assert.Equal(stored.Status == RecommendationStatus.Accepted, onWatchlist);
    }

    private async Task<(RecommendationWorld World, RecommendationResponse Recommendation)> PendingAsync()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var recommendation = await fixture.WithAsync<RecommendationService, RecommendationResponse>(s => s.CreateAsync(world.Sender.AsCaller(), world.Recommend(), default));
        return (world, recommendation);
    }

    private Task<RecommendationResponse> AcceptAsync(User caller, string id) =>
        fixture.WithAsync<RecommendationReplies, RecommendationResponse>(r => r.AcceptAsync(caller.AsCaller(), id, default));

    private Task<RecommendationResponse> RejectAsync(User caller, string id) =>
        fixture.WithAsync<RecommendationReplies, RecommendationResponse>(r => r.RejectAsync(caller.AsCaller(), id, default));
}
