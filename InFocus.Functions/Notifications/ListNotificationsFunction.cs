using InFocus.Domain.Common;
using InFocus.Domain.Notifications;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Notifications;

public sealed class ListNotificationsFunction(AuthenticatedEndpoint endpoint, NotificationService notifications)
{
    public const string Name = "ListNotifications";

    [Function(Name)]
    [Summary("List my notifications, newest first")]
    [Query("unread", Description = "true for unread only, false for read only; both by default.")]
    [Query("type", Enum = typeof(NotificationType))]
    [Returns(200, typeof(Page<NotificationResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/notifications")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await notifications.ListAsync(user, new NotificationsQuery(request.QueryValue("unread"), request.QueryValue("type")), request.PageRequest(), cancellationToken)));
}
