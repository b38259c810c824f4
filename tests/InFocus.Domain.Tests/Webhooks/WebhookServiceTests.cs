using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Notifications;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Webhooks;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Webhooks;

/// <summary>The webhooks API's reads cost a fixed number of statements, whatever the number of webhooks and deliveries.</summary>
public sealed class WebhookServiceTests(WebhookDomainFixture fixture) : IClassFixture<WebhookDomainFixture>
{
    [Fact]
    public async Task Listing_and_reading_cost_the_same_statements_for_one_webhook_as_for_many_with_many_deliveries()
    {
        var few = await UserWithWebhooksAsync(webhooks: 1, notifications: 1);
        var many = await UserWithWebhooksAsync(webhooks: WebhookDomainFixture.MaxPerUser, notifications: 30);

        var listFew = await fixture.StatementsOfAsync<WebhookService>(s => s.ListAsync(few.User, PageRequest.First, default));
        var listMany = await fixture.StatementsOfAsync<WebhookService>(s => s.ListAsync(many.User, PageRequest.First, default));
        var getFew = await fixture.StatementsOfAsync<WebhookService>(s => s.GetAsync(few.User, few.WebhookId, default));
        var getMany = await fixture.StatementsOfAsync<WebhookService>(s => s.GetAsync(many.User, many.WebhookId, default));
        var page = await fixture.WithAsync<WebhookService, Page<WebhookResponse>>(s => s.ListAsync(many.User, new PageRequest(2, null), default));
        var next = await fixture.WithAsync<WebhookService, Page<WebhookResponse>>(s => s.ListAsync(many.User, new PageRequest(2, page.NextCursor), default));

        Assert.Equal(1, listFew);
        Assert.Equal(listFew, listMany);
        Assert.Equal(1, getFew);
        Assert.Equal(getFew, getMany);
        Assert.All(page.Items, w => Assert.Equal(WebhookService.LastDeliveries, w.LastDeliveries.Count));
        Assert.Equal(WebhookDomainFixture.MaxPerUser, page.Items.Concat(next.Items).Select(w => w.Id).Distinct().Count());
        Assert.Null(next.NextCursor);
    }

    [Fact]
    public async Task Deleting_a_user_deletes_their_webhooks_and_deliveries()
    {
        var owner = await UserWithWebhooksAsync(webhooks: 1, notifications: 2);

        await fixture.DbAsync(db => db.Users.Where(u => u.Id == owner.User.UserId).ExecuteDeleteAsync());

        Assert.False(await fixture.DbAsync(db => db.Webhooks.AnyAsync(w => w.Id == owner.WebhookId)));
        Assert.False(await fixture.DbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.WebhookId == owner.WebhookId)));
    }

    private async Task<(CurrentUser User, string WebhookId)> UserWithWebhooksAsync(int webhooks, int notifications)
    {
        var user = await fixture.UserAsync("Hooked");
        var ids = new List<string>();
        foreach (var i in Enumerable.Range(0, webhooks))
        {
            var created = await fixture.WithAsync<WebhookService, WebhookCreatedResponse>(s =>
                s.CreateAsync(user, new CreateWebhookRequest($"http://127.0.0.1:9/statements/{i}", [WebhookEvents.NotificationCreated], null), default));
            ids.Add(created.Webhook.Id);
        }

        await fixture.DbAsync(async db =>
        {
            db.Notifications.AddRange(Enumerable.Range(0, notifications).Select(_ =>
                new Notification { UserId = user.UserId, Type = NotificationType.MemberJoined, EventKey = $"test:{Cuid.NewId()}" }));
            await db.SaveChangesAsync();
        });
        return (user, ids[0]);
    }
}
