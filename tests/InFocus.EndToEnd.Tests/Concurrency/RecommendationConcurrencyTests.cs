using System.Net;
using InFocus.Domain.Recommendations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class RecommendationConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Sending_one_recommendation_n_times_at_once_makes_one_and_the_others_get_409() =>
        await host.WithUsersAsync(2, async users =>
        {
            await host.SeedFamilyAsync([users[0]], users[1]);
            var title = await host.SeedTitleAsync();

            var answers = await Concurrently.SendAsync(N, _ =>
                users[0].Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = users[1].Id }));

            answers.AssertCounts((Created, 1), (Conflict, N - 1));
            Assert.Equal(1, await host.DbAsync(db => db.Recommendations.CountAsync(r => r.RecommendedToId == users[1].Id)));
        });

    [Fact]
    public async Task Accepting_n_times_at_once_answers_the_same_and_adds_the_title_once() =>
        await host.WithUsersAsync(2, async users =>
        {
            var (id, title) = await RecommendAsync(users);

            var answers = await Concurrently.SendAsync(N, _ => users[1].Client.PostAsync($"api/recommendations/{id}/accept", content: null));

            answers.AssertCounts((OK, N));
            Assert.Equal((RecommendationStatus.Accepted, 1), await StateAsync(id, users[1].Id, title));
        });

    [Fact]
    public async Task Accepting_and_rejecting_at_once_settle_one_way_and_the_other_answers_409() =>
        await host.WithUsersAsync(2, async users =>
        {
            var (id, title) = await RecommendAsync(users);

            var answers = await Concurrently.SendAsync(N, i =>
                users[1].Client.PostAsync($"api/recommendations/{id}/{(i % 2 == 0 ? "accept" : "reject")}", content: null));

            answers.AssertCounts((OK, N / 2), (Conflict, N / 2));
            var (status, entries) = await StateAsync(id, users[1].Id, title);
            var accepts = answers.All.Where((_, i) => i % 2 == 0).Select(a => a.Status).Distinct();
            Assert.Equal(status == RecommendationStatus.Accepted ? OK : Conflict, Assert.Single(accepts));
            Assert.Equal(status == RecommendationStatus.Accepted ? 1 : 0, entries);
        });

    [Fact]
    public async Task Accepting_while_adding_the_same_title_by_hand_makes_one_watchlist_entry() =>
        await host.WithUsersAsync(2, async users =>
        {
            var (id, title) = await RecommendAsync(users);

            var answers = await Concurrently.SendAsync(N, i => i % 2 == 0
                ? users[1].Client.PostAsync($"api/recommendations/{id}/accept", content: null)
                : users[1].Client.PostJsonAsync("api/watchlist", new { mediaItemId = title }));

            answers.AssertOnly(OK, Created, Conflict);
            Assert.Equal(N / 2, answers.Count(OK));
            Assert.Equal((RecommendationStatus.Accepted, 1), await StateAsync(id, users[1].Id, title));
        });

    [Fact]
    public async Task Withdrawing_while_the_recipient_accepts_either_withdraws_it_or_lets_the_acceptance_stand() =>
        await host.WithUsersAsync(2, async users =>
        {
            var (id, title) = await RecommendAsync(users);

            var answers = await Concurrently.SendAsync(N, i => i % 2 == 0
                ? users[0].Client.DeleteAsync($"api/recommendations/{id}")
                : users[1].Client.PostAsync($"api/recommendations/{id}/accept", content: null));

            answers.AssertOnly(NoContent, NotFound, OK, Conflict);
            var withdrawn = answers.Count(NoContent) == 1;
            Assert.Equal(withdrawn ? 0 : N / 2, answers.Count(OK));
            var exists = await host.DbAsync(db => db.Recommendations.AnyAsync(r => r.Id == id));
            var entries = await host.DbAsync(db => db.WatchlistEntries.CountAsync(e => e.UserId == users[1].Id && e.MediaItemId == title));
            Assert.Equal((!withdrawn, withdrawn ? 0 : 1), (exists, entries));
        });

    /// <summary>A pending recommendation from the first user to the second (family members); its id and title.</summary>
    private async Task<(string Id, string Title)> RecommendAsync(SignedInUser[] users)
    {
        await host.SeedFamilyAsync([users[0]], users[1]);
        var title = await host.SeedTitleAsync();
        using var sent = await users[0].Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = users[1].Id });
        Assert.Equal(Created, sent.StatusCode);
        return ((await sent.ReadAsync<RecommendationResponse>()).Id, title.Id);
    }

    private Task<(RecommendationStatus Status, int Entries)> StateAsync(string id, string recipientId, string title) =>
        host.DbAsync(async db => (
            await db.Recommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(),
            await db.WatchlistEntries.CountAsync(e => e.UserId == recipientId && e.MediaItemId == title)));
}
