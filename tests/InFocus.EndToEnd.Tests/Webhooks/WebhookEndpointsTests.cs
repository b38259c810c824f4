using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Notifications;
using InFocus.Domain.Webhooks;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.Functions.Webhooks;
using InFocus.TestKit.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Webhooks;

[CollectionDefinition(Name)]
public sealed class WebhooksCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Webhooks over HTTP";
}

/// <summary>
/// /api/me/webhooks through the development host, and the whole path: a recommendation creates a notification, whose
/// delivery the DeliverWebhooks timer sends, signed, to a receiver on 127.0.0.1.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookEndpointsTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_recommendation_reaches_the_recipients_webhook_signed_and_the_delivery_is_listed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();
        using var created = await bob.Client.PostJsonAsync("api/me/webhooks", new { url = receiver.Url, events = new[] { "notification.created" } });
        var webhook = await created.ReadAsync<WebhookCreatedResponse>();
        receiver.Secret = webhook.Secret!;

        using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        Assert.True((await host.RunFunctionAsync(DeliverWebhooksFunction.Name)).IsSuccess);
        var listed = await GetAsync<Page<WebhookResponse>>(bob, "api/me/webhooks");
        var one = await GetAsync<WebhookResponse>(bob, $"api/me/webhooks/{webhook.Webhook.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/me/webhooks/{webhook.Webhook.Id}", created.Headers.Location!.OriginalString);
        Assert.StartsWith("whsec_", webhook.Secret, StringComparison.Ordinal);
        var received = Assert.Single(receiver.Received);
        Assert.True(received.SignatureValid);
        var payload = received.Payload;
        Assert.Equal((WebhookEvents.NotificationCreated, NotificationType.RecommendationReceived, ada.Id, title.Id),
            (payload.Type, payload.Data.Type, payload.Data.Actor!.UserId, payload.Data.Media!.Id));
        var delivery = Assert.Single(Assert.Single(listed.Items).LastDeliveries);
        Assert.Equal((received.DeliveryId, WebhookDeliveryStatus.Delivered, 1, 200), (delivery.Id, delivery.Status, delivery.Attempts, delivery.ResponseStatus!.Value));
        Assert.Equal((one.Id, one.Url), (listed.Items[0].Id, listed.Items[0].Url));
        Assert.Equal([WebhookEvents.NotificationCreated], one.Events);
        Assert.Equal(one.LastDeliveries, listed.Items[0].LastDeliveries);
        Assert.DoesNotContain(webhook.Secret!, await (await bob.Client.GetAsync("api/me/webhooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_user_can_neither_see_nor_delete_someone_elses_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var ada = await host.SignUpAsync();
        using var eve = await host.SignUpAsync();
        using var created = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = receiver.Url, events = new[] { "notification.created" }, secret = receiver.Secret });
        var webhook = await created.ReadAsync<WebhookCreatedResponse>();

        using var read = await eve.Client.GetAsync($"api/me/webhooks/{webhook.Webhook.Id}");
        using var deleted = await eve.Client.DeleteAsync($"api/me/webhooks/{webhook.Webhook.Id}");
        var eves = await GetAsync<Page<WebhookResponse>>(eve, "api/me/webhooks");

        Assert.Null(webhook.Secret); // the caller chose it: not echoed
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Empty(eves.Items);
        Assert.Equal(webhook.Webhook.Id, (await GetAsync<WebhookResponse>(ada, $"api/me/webhooks/{webhook.Webhook.Id}")).Id);
    }

    [Fact]
    public async Task Deleting_a_webhook_removes_it_and_its_deliveries_and_unknown_ids_are_404()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var ada = await host.SignUpAsync();
        using var created = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = receiver.Url, events = new[] { "notification.member_joined" } });
        var webhook = await created.ReadAsync<WebhookCreatedResponse>();

        using var deleted = await ada.Client.DeleteAsync($"api/me/webhooks/{webhook.Webhook.Id}");
        using var again = await ada.Client.DeleteAsync($"api/me/webhooks/{webhook.Webhook.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(await host.DbAsync(db => db.Webhooks.AnyAsync(w => w.Id == webhook.Webhook.Id)));
        foreach (var id in UnknownIds.InRoutes)
        {
            using var response = await ada.Client.GetAsync($"api/me/webhooks/{Uri.EscapeDataString(id)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:192.168.1.1]/hook")]
    [InlineData("https://100.64.1.1/hook")]
    [InlineData("https://224.0.0.251/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("http://93.184.215.14/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("http://user:secret@127.0.0.1/hook")]
    [InlineData("not a url")]
    public async Task Webhooks_to_internal_addresses_or_without_https_are_400(string url)
    {
        using var ada = await host.SignUpAsync();

        using var response = await ada.Client.PostJsonAsync("api/me/webhooks", new { url, events = new[] { "notification.created" } });

        Assert.Equal(["url"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Bad_events_and_secrets_a_duplicate_url_and_too_many_webhooks_are_refused()
    {
        using var ada = await host.SignUpAsync();
        const string base_ = "http://127.0.0.1:9/hooks/";

        using var unknownEvent = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + "a", events = new[] { "notification.deleted" } });
        using var noEvents = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + "a", events = Array.Empty<string>() });
        using var shortSecret = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + "a", events = new[] { "notification.created" }, secret = "short" });
        using var longUrl = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + new string('a', FieldLimits.Url), events = new[] { "notification.created" } });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var ok = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + i, events = new[] { "notification.created" } });
            statuses.Add(ok.StatusCode);
        }

        using var duplicate = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + "0", events = new[] { "notification.created" } });
        using var eleventh = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = base_ + "10", events = new[] { "notification.created" } });

        Assert.Equal(["events"], await unknownEvent.InvalidFieldsAsync());
        Assert.Equal(["events"], await noEvents.InvalidFieldsAsync());
        Assert.Equal(["secret"], await shortSecret.InvalidFieldsAsync());
        Assert.Equal(["url"], await longUrl.InvalidFieldsAsync());
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        await duplicate.ProblemAsync(409);
        Assert.Equal(["url"], await eleventh.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Creating_more_webhooks_a_day_than_the_limit_is_429_with_Retry_After()
    {
        using var ada = await host.SignUpAsync();
        for (var i = 0; i < 20; i++)
        {
            using var created = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = $"http://127.0.0.1:9/limit/{i}", events = new[] { "notification.created" } });
            var webhook = await created.ReadAsync<WebhookCreatedResponse>();
            using var deleted = await ada.Client.DeleteAsync($"api/me/webhooks/{webhook.Webhook.Id}");
        }

        using var refused = await ada.Client.PostJsonAsync("api/me/webhooks", new { url = "http://127.0.0.1:9/limit/x", events = new[] { "notification.created" } });

        await refused.ProblemAsync(429);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private static async Task<T> GetAsync<T>(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }
}
