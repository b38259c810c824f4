using InFocus.Domain.Notifications;
using InFocus.Domain.Recommendations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class NotificationConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Accepting_one_recommendation_n_times_at_once_notifies_the_sender_once()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();
        using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        var recommendation = await sent.ReadAsync<RecommendationResponse>();

        var answers = await Concurrently.SendAsync(N, _ => bob.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", null));

        answers.AssertCounts((OK, N)); // the same answer again is answered as it was
        Assert.Equal(1, await host.DbAsync(db => db.Notifications.CountAsync(n => n.UserId == ada.Id && n.Type == NotificationType.RecommendationAccepted)));
    }

    [Fact]
    public async Task Marking_read_n_times_at_once_marks_each_notification_once()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var title = await host.SeedTitleAsync();
            using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        }

        var answers = await Concurrently.SendAsync(N, _ => bob.Client.PostJsonAsync("api/me/notifications/read", new { all = true }));

        answers.AssertCounts((OK, N));
        var marked = answers.All.Sum(a => System.Text.Json.JsonDocument.Parse(a.Body).RootElement.GetProperty("marked").GetInt32());
        Assert.Equal(3, marked);
        Assert.False(await host.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == bob.Id && n.ReadAt == null)));
    }
}
