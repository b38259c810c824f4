using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Recommendations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Recommendations;

/// <summary>A page of recommendations costs one SQL statement however many there are (no N+1).</summary>
public sealed class RecommendationQueryCountTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_page_of_received_or_sent_recommendations_is_one_statement_for_10_or_1000()
    {
        var costs = new List<(int Received, int Sent)>();
        foreach (var count in new[] { 10, 1_000 })
        {
            var (sender, recipient) = await PairWithRecommendationsAsync(count);

            fixture.Statements.Reset();
            var received = await fixture.WithAsync<RecommendationListing, Page<RecommendationResponse>>(
                l => l.ReceivedAsync(recipient.AsCaller(), null, new PageRequest(PageRequest.MaxLimit, null), default));
            var receivedStatements = fixture.Statements.Count;
            fixture.Statements.Reset();
            var sent = await fixture.WithAsync<RecommendationListing, Page<RecommendationResponse>>(
                l => l.SentAsync(sender.AsCaller(), "pending", new PageRequest(PageRequest.MaxLimit, null), default));

            Assert.Equal(Math.Min(count, PageRequest.MaxLimit), received.Items.Count);
            Assert.Equal(Math.Min(count, PageRequest.MaxLimit), sent.Items.Count);
            costs.Add((receivedStatements, fixture.Statements.Count));
        }

        Assert.Equal([(1, 1), (1, 1)], costs);
    }

    /// <summary>Two users with <paramref name="count"/> pending recommendations of distinct titles.</summary>
    private async Task<(User Sender, User Recipient)> PairWithRecommendationsAsync(int count)
    {
        var (sender, recipient) = (Entities.User(), Entities.User());
        await fixture.SaveAsync(sender, recipient);
        var titles = await fixture.InsertTitlesAsync(count);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO recommendations (id, media_item_id, recommended_by_id, recommended_to_id, message, status)
            SELECT id, media_item_id, {sender.Id}, {recipient.Id}, 'Watch this', 'pending'
            FROM unnest({BulkData.NewIds(count)}, {titles}) AS t(id, media_item_id)
            """));
        return (sender, recipient);
    }
}
