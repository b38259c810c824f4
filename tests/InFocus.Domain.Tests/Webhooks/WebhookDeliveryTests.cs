using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Notifications;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Webhooks;
using InFocus.TestKit;
using InFocus.TestKit.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Webhooks;

/// <summary>
/// Deliveries: created with the notification (set-based, once per webhook and event), sent signed to the test receiver
/// on 127.0.0.1, retried with backoff, given up, the webhook disabled after failures in a row, and never sent twice by
/// two workers at once.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookDomainFixture fixture) : IClassFixture<WebhookDomainFixture>
{
    [Fact]
    public async Task A_notification_reaches_the_subscribed_webhook_signed_with_its_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        var notification = await NotifyAsync(ada, NotificationType.MemberJoined);

        var attempted = await DeliverAsync();

        Assert.Equal(1, attempted);
        var received = Assert.Single(receiver.Received);
        Assert.True(received.SignatureValid);
        Assert.Equal(("POST", "/hooks/infocus", WebhookEvents.NotificationCreated), (received.Method, received.Path, received.Event));
        var payload = received.Payload;
        Assert.Equal((received.DeliveryId, WebhookEvents.NotificationCreated, notification.Id, NotificationType.MemberJoined), (payload.Id, payload.Type, payload.Data.Id, payload.Data.Type));
        var delivery = await DeliveryAsync(hook.Webhook.Id);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200), (delivery.Status, delivery.Attempts, delivery.ResponseStatus!.Value));
        Assert.NotNull(delivery.DeliveredAt);
    }

    [Fact]
    public async Task Only_subscribed_types_of_the_owners_notifications_are_delivered_and_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.TypePrefix + "member_left"]);

        await NotifyAsync(ada, NotificationType.MemberJoined);
        var left = await NotifyAsync(ada, NotificationType.MemberLeft);
        await NotifyAsync(bob, NotificationType.MemberLeft);
        var again = await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO webhook_deliveries (id, webhook_id, notification_id, event, status, attempts, next_attempt_at) VALUES ({Cuid.NewId()}, {hook.Webhook.Id}, {left.Id}, 'notification.created', 'pending', 0, now()) ON CONFLICT DO NOTHING"));

        Assert.Equal(0, again);
        Assert.Equal([left.Id], await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.WebhookId == hook.Webhook.Id).Select(d => d.NotificationId).ToListAsync()));
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_after_a_growing_delay_and_given_up_after_the_maximum_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Always = 500;
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        await NotifyAsync(ada, NotificationType.MemberJoined);

        await DeliverAsync();
        var first = await DeliveryAsync(hook.Webhook.Id);
        var notYetDue = await DeliverAsync();
        var delays = new List<TimeSpan> { first.NextAttemptAt - first.LastAttemptAt!.Value };
        for (var attempt = 2; attempt <= WebhookDomainFixture.MaxAttempts; attempt++)
        {
            await MakeDueAsync(hook.Webhook.Id);
            await DeliverAsync();
            var retried = await DeliveryAsync(hook.Webhook.Id);
            delays.Add(retried.NextAttemptAt - retried.LastAttemptAt!.Value);
        }

        await MakeDueAsync(hook.Webhook.Id);
        var afterGivingUp = await DeliverAsync();

        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500), (first.Status, first.Attempts, first.ResponseStatus!.Value));
        Assert.Equal(0, notYetDue);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(31)); // 30 s with jitter down to half
        Assert.InRange(delays[1], TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(61));
        var last = await DeliveryAsync(hook.Webhook.Id);
        Assert.Equal((WebhookDeliveryStatus.Failed, WebhookDomainFixture.MaxAttempts), (last.Status, last.Attempts));
        Assert.Equal(0, afterGivingUp);
        Assert.Equal(WebhookDomainFixture.MaxAttempts, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Failures_in_a_row_disable_the_webhook_and_a_success_resets_the_count()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        receiver.Reply(500, 502);
        await NotifyAsync(ada, NotificationType.MemberJoined);
        await NotifyAsync(ada, NotificationType.MemberJoined);
        await DeliverAsync();
        var afterTwo = await fixture.WithAsync<WebhookService, WebhookResponse>(s => s.GetAsync(ada, hook.Webhook.Id, default));
        await MakeDueAsync(hook.Webhook.Id);
        await DeliverAsync(); // both delivered now
        var afterSuccess = await fixture.WithAsync<WebhookService, WebhookResponse>(s => s.GetAsync(ada, hook.Webhook.Id, default));

        receiver.Always = 503;
        var notYetDue = await NotifyAsync(ada, NotificationType.MemberLeft);
        var heldByAnotherWorker = await NotifyAsync(ada, NotificationType.MemberLeft);
        await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.NotificationId == notYetDue.Id || d.NotificationId == heldByAnotherWorker.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, d => d.NextAttemptAt.AddHours(1))));
        await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.NotificationId == heldByAnotherWorker.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, d => d.NextAttemptAt)));
        foreach (var _ in Enumerable.Range(0, WebhookDomainFixture.DisableAfterFailures))
        {
            await NotifyAsync(ada, NotificationType.MemberLeft);
        }

        await DeliverAsync();
        var givenUp = await fixture.DbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notYetDue.Id));
        var disabled = await fixture.WithAsync<WebhookService, WebhookResponse>(s => s.GetAsync(ada, hook.Webhook.Id, default));
        await NotifyAsync(ada, NotificationType.MemberLeft);
        await MakeDueAsync(hook.Webhook.Id);
        var whileDisabled = await DeliverAsync();

        Assert.Equal((WebhookStatus.Active, 2), (afterTwo.Status, afterTwo.ConsecutiveFailures));
        Assert.Equal((WebhookStatus.Active, 0), (afterSuccess.Status, afterSuccess.ConsecutiveFailures));
        Assert.Equal((WebhookStatus.Disabled, WebhookDomainFixture.DisableAfterFailures), (disabled.Status, disabled.ConsecutiveFailures));
        Assert.NotNull(disabled.DisabledAt);
        Assert.Equal(WebhookService.LastDeliveries, disabled.LastDeliveries.Count);
        Assert.All(disabled.LastDeliveries, d => Assert.Equal(503, d.ResponseStatus));
        Assert.Equal(0, whileDisabled);
        Assert.Equal((WebhookDeliveryStatus.Failed, 0, WebhookDeliverer.DisabledError), (givenUp.Status, givenUp.Attempts, givenUp.Error));
        Assert.Equal(
            [(WebhookDeliveryStatus.Pending, 1), (WebhookDeliveryStatus.Delivered, 2), (WebhookDeliveryStatus.Failed, WebhookDomainFixture.DisableAfterFailures + 1)],
            await fixture.DbAsync(async db => (await db.WebhookDeliveries.Where(d => d.WebhookId == hook.Webhook.Id)
                    .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList()));
    }

    [Fact]
    public async Task An_address_refused_at_connect_time_fails_the_attempt_and_sends_nothing()
    {
        var ada = await fixture.UserAsync("Ada");
        var webhook = new Webhook { UserId = ada.UserId, Url = "http://10.255.255.1/hook", Events = [WebhookEvents.NotificationCreated], Secret = "whsec_written-directly-0123" };
        await fixture.SaveAsync(webhook);
        await NotifyAsync(ada, NotificationType.MemberJoined);

        await DeliverAsync();

        var delivery = await DeliveryAsync(webhook.Id);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, (int?)null), (delivery.Status, delivery.Attempts, delivery.ResponseStatus));
        Assert.Contains("may not reach", delivery.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply(307);
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        await NotifyAsync(ada, NotificationType.MemberJoined);

        await DeliverAsync();

        Assert.Single(receiver.Received);
        var delivery = await DeliveryAsync(hook.Webhook.Id);
        Assert.Equal((WebhookDeliveryStatus.Pending, 307), (delivery.Status, delivery.ResponseStatus!.Value));
    }

    [Fact]
    public async Task Two_workers_at_once_send_each_delivery_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(50);
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        foreach (var _ in Enumerable.Range(0, 25))
        {
            await NotifyAsync(ada, NotificationType.MemberJoined);
        }

        using var start = new Barrier(2);
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await fixture.WithAsync<WebhookDeliverer, int>(d => d.RunAsync(default));
        })).ToList();
        var attempted = await Task.WhenAll(workers);

        Assert.Equal(25, attempted.Sum());
        Assert.Equal(25, receiver.Received.Select(r => r.DeliveryId).Distinct().Count());
        Assert.Equal(25, receiver.Received.Count);
        Assert.Equal(25, await fixture.DbAsync(db => db.WebhookDeliveries.CountAsync(d => d.WebhookId == hook.Webhook.Id && d.Status == WebhookDeliveryStatus.Delivered && d.Attempts == 1)));
    }

    [Fact]
    public async Task A_run_deletes_deliveries_finished_longer_ago_than_the_retention_and_keeps_the_rest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ada = await fixture.UserAsync("Ada");
        var hook = await CreateAsync(ada, receiver, [WebhookEvents.NotificationCreated]);
        var old = await NotifyAsync(ada, NotificationType.MemberJoined);
        var recent = await NotifyAsync(ada, NotificationType.MemberJoined);
        await DeliverAsync();
        var pendingOld = await NotifyAsync(ada, NotificationType.MemberLeft);
        var age = WebhookDeliverer.Retention + TimeSpan.FromDays(1);
        await fixture.DbAsync(async db =>
        {
            // The timestamp trigger would set updated_at to now: age the rows with it off.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE webhook_deliveries DISABLE TRIGGER touch_webhook_deliveries");
            await db.Database.ExecuteSqlAsync($"UPDATE webhook_deliveries SET updated_at = now() - {age}, next_attempt_at = now() + interval '1 hour' WHERE notification_id IN ({old.Id}, {pendingOld.Id})");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE webhook_deliveries ENABLE TRIGGER touch_webhook_deliveries");
        });

        await DeliverAsync();

        var left = await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.WebhookId == hook.Webhook.Id).Select(d => d.NotificationId).ToListAsync());
        Assert.Equal(new[] { recent.Id, pendingOld.Id }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delivering_a_batch_costs_the_same_statements_for_one_delivery_as_for_ten()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var costs = new List<int>();
        foreach (var count in new[] { 1, 10 })
        {
            var user = await fixture.UserAsync("Ada");
            await CreateAsync(user, receiver, [WebhookEvents.NotificationCreated]);
            foreach (var _ in Enumerable.Range(0, count))
            {
                await NotifyAsync(user, NotificationType.MemberJoined);
            }

            costs.Add(await fixture.StatementsOfAsync<WebhookDeliverer>(d => d.DeliverBatchAsync(default)));
        }

        Assert.Equal(costs[0], costs[1]);
        Assert.Equal(11, receiver.Received.Count);
    }

    [Fact]
    public async Task Notifying_1000_users_with_webhooks_costs_the_same_statements_as_notifying_10()
    {
        var costs = new List<(int Deliveries, int Statements)>();
        foreach (var users in new[] { 10, 1_000 })
        {
            var titleId = (await fixture.InsertTitlesAsync(1)).Single();
            await fixture.DbAsync(async db =>
            {
                var ids = BulkData.NewIds(users);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO users (id, email, password_hash, name, region)
                    SELECT id, id || '@hooks.test', 'x', 'Fan ' || n, 'US' FROM unnest({ids}) WITH ORDINALITY AS t(id, n)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO subscriptions (id, user_id, tmdb_provider_id) SELECT 'c' || left(md5(id), 24), id, 8 FROM unnest({ids}) AS t(id)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO watchlist_entries (id, user_id, media_item_id, status) SELECT 'c' || left(md5(id || 'w'), 24), id, {titleId}, 'not_watched' FROM unnest({ids}) AS t(id)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO webhooks (id, user_id, url, events, secret, consecutive_failures)
                    SELECT 'c' || left(md5(id || 'h'), 24), id, 'https://hooks.example/' || id, ARRAY['notification.title_available'], 'whsec_bulk-secret-0123', 0
                    FROM unnest({ids}) AS t(id)
                    """);
            });
            var offers = new List<ProviderOffer> { new(8, "Netflix", StreamingOfferType.Subscription, null, null, ["US"]) };

            fixture.Statements.Reset();
            await fixture.DbAsync(db => CatalogWriter.RefreshProvidersAsync(db, titleId, offers, fixture.Clock.GetUtcNow(), default));
            var statements = fixture.Statements.Count;
            costs.Add((await fixture.DbAsync(db => db.WebhookDeliveries.CountAsync(d => d.Notification!.MediaItemId == titleId)), statements));
            // These hooks point at no real server: no worker in this class may try them.
            await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.Notification!.MediaItemId == titleId).ExecuteDeleteAsync());
        }

        Assert.Equal(10, costs[0].Deliveries);
        Assert.Equal(1_000, costs[1].Deliveries);
        Assert.Equal(costs[0].Statements, costs[1].Statements);
    }

    /// <summary>Creates the webhook, after dropping earlier tests' pending deliveries, so a test's worker runs see its own only.</summary>
    private async Task<WebhookCreatedResponse> CreateAsync(CurrentUser user, WebhookReceiver receiver, string[] events)
    {
        await fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending).ExecuteDeleteAsync());
        return await fixture.WithAsync<WebhookService, WebhookCreatedResponse>(s => s.CreateAsync(user, new CreateWebhookRequest(receiver.Url, events, receiver.Secret), default));
    }

    private async Task<Notification> NotifyAsync(CurrentUser user, NotificationType type)
    {
        var notification = new Notification { UserId = user.UserId, Type = type, EventKey = $"test:{Cuid.NewId()}" };
        await fixture.SaveAsync(notification);
        return notification;
    }

    private Task<int> DeliverAsync() => fixture.WithAsync<WebhookDeliverer, int>(d => d.RunAsync(default));

    private Task<WebhookDelivery> DeliveryAsync(string webhookId) =>
        fixture.DbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.WebhookId == webhookId));

    private Task MakeDueAsync(string webhookId) =>
        fixture.DbAsync(db => db.WebhookDeliveries.Where(d => d.WebhookId == webhookId && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, d => d.NextAttemptAt.AddHours(-7))));
}
