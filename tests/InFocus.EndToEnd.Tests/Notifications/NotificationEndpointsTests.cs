using System.Net;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Notifications;
using InFocus.Domain.Recommendations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Tonight;

namespace InFocus.EndToEnd.Tests.Notifications;

/// <summary>Recommendations notify the people they concern; notifications are listed, counted on /me and marked read.</summary>
[Collection(TonightCollection.Name)]
public sealed class NotificationEndpointsTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_recommendation_notifies_its_recipient_and_the_answer_its_sender_and_reading_clears_the_count()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();

        using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        var recommendation = await sent.ReadAsync<RecommendationResponse>();
        var bobsMe = await GetAsync<MeResponse>(bob, "api/me");
        var received = await GetAsync<Page<NotificationResponse>>(bob, "api/me/notifications?unread=true&type=recommendation_received");
        using var accepted = await bob.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", null);
        var adas = await GetAsync<Page<NotificationResponse>>(ada, "api/me/notifications");
        using var read = await bob.Client.PostJsonAsync("api/me/notifications/read", new { all = true });
        var bobAfter = await GetAsync<MeResponse>(bob, "api/me");
        var bobRead = await GetAsync<Page<NotificationResponse>>(bob, "api/me/notifications?unread=false");

        Assert.Equal(1, bobsMe.UnreadNotifications);
        var notification = Assert.Single(received.Items);
        Assert.Equal((ada.Id, title.Id, recommendation.Id), (notification.Actor!.UserId, notification.Media!.Id, notification.RecommendationId));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = Assert.Single(adas.Items);
        Assert.Equal((NotificationType.RecommendationAccepted, bob.Id), (answer.Type, answer.Actor!.UserId));
        Assert.Equal(new NotificationsReadResponse(1, 0), await read.ReadAsync<NotificationsReadResponse>());
        Assert.Equal(0, bobAfter.UnreadNotifications);
        Assert.NotNull(Assert.Single(bobRead.Items).ReadAt);
    }

    [Fact]
    public async Task Another_user_neither_sees_nor_marks_someone_elses_notifications()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        using var eve = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();
        using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        var bobs = await GetAsync<Page<NotificationResponse>>(bob, "api/me/notifications");

        var eves = await GetAsync<Page<NotificationResponse>>(eve, "api/me/notifications");
        using var marked = await eve.Client.PostJsonAsync("api/me/notifications/read", new { ids = bobs.Items.Select(n => n.Id) });

        Assert.Empty(eves.Items);
        Assert.Equal(new NotificationsReadResponse(0, 0), await marked.ReadAsync<NotificationsReadResponse>());
        Assert.Null((await GetAsync<Page<NotificationResponse>>(bob, "api/me/notifications")).Items.Single().ReadAt);
    }

    [Fact]
    public async Task A_type_turned_off_in_the_profile_preferences_is_not_raised()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();
        using var off = await bob.Client.PatchJsonAsync("api/me/profile", """{ "preferences": { "notifications": { "types": { "recommendation_received": false } } } }""");

        using var sent = await ada.Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = bob.Id });
        var recommendation = await sent.ReadAsync<RecommendationResponse>();
        using var rejected = await bob.Client.PostAsync($"api/recommendations/{recommendation.Id}/reject", null);

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Empty((await GetAsync<Page<NotificationResponse>>(bob, "api/me/notifications")).Items);
        Assert.Equal(NotificationType.RecommendationRejected, Assert.Single((await GetAsync<Page<NotificationResponse>>(ada, "api/me/notifications")).Items).Type);
    }

    [Fact]
    public async Task Bad_filters_and_read_requests_are_400()
    {
        using var user = await host.SignUpAsync();

        using var unread = await user.Client.GetAsync("api/me/notifications?unread=maybe&type=news");
        using var neither = await user.Client.PostJsonAsync("api/me/notifications/read", new { });
        using var both = await user.Client.PostJsonAsync("api/me/notifications/read", new { ids = new[] { Cuid.NewId() }, all = true });
        using var badIds = await user.Client.PostJsonAsync("api/me/notifications/read", new { ids = new[] { "x" } });

        Assert.Equal(["type", "unread"], await unread.InvalidFieldsAsync());
        Assert.Equal(["ids"], await neither.InvalidFieldsAsync());
        Assert.Equal(["ids"], await both.InvalidFieldsAsync());
        Assert.Equal(["ids"], await badIds.InvalidFieldsAsync());
    }

    private static async Task<T> GetAsync<T>(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }
}
