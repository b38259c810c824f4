using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class WebhookConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Creating_the_same_webhook_n_times_at_once_creates_it_once()
    {
        using var ada = await host.SignUpAsync();

        var answers = await Concurrently.SendAsync(N, _ =>
            ada.Client.PostJsonAsync("api/me/webhooks", new { url = "http://127.0.0.1:9/same", events = new[] { "notification.created" } }));

        answers.AssertCounts((Created, 1), (Conflict, N - 1));
        Assert.Equal(1, await host.DbAsync(db => db.Webhooks.CountAsync(w => w.UserId == ada.Id)));
    }

    [Fact]
    public async Task Creating_different_webhooks_at_once_never_exceeds_the_maximum_per_user()
    {
        using var ada = await host.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var created = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = $"http://127.0.0.1:9/first/{i}", events = new[] { "notification.created" } });
            Assert.Equal(Created, created.StatusCode);
        }

        var answers = await Concurrently.SendAsync(N, i =>
            ada.Client.PostJsonAsync("api/me/webhooks", new { url = $"http://127.0.0.1:9/more/{i}", events = new[] { "notification.created" } }));

        answers.AssertCounts((Created, 5), (BadRequest, N - 5));
        Assert.Equal(10, await host.DbAsync(db => db.Webhooks.CountAsync(w => w.UserId == ada.Id)));
    }

    [Fact]
    public async Task Deleting_one_webhook_n_times_at_once_deletes_it_once()
    {
        using var ada = await host.SignUpAsync();
        using var created = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = "http://127.0.0.1:9/deleted", events = new[] { "notification.created" } });
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("webhook").GetProperty("id").GetString();

        var answers = await Concurrently.SendAsync(N, _ => ada.Client.DeleteAsync($"api/me/webhooks/{id}"));

        answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
        Assert.False(await host.DbAsync(db => db.Webhooks.AnyAsync(w => w.UserId == ada.Id)));
    }
}
