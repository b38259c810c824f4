using InFocus.Domain.Notifications;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Notifications;

public sealed class MarkNotificationsReadFunction(AuthenticatedEndpoint endpoint, NotificationService notifications)
{
    public const string Name = "MarkNotificationsRead";

    [Function(Name)]
    [Summary("Mark my notifications read")]
    [JsonBody(typeof(MarkNotificationsReadRequest))]
    [Returns(200, typeof(NotificationsReadResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/notifications/read")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await notifications.MarkReadAsync(user, await request.ReadJsonAsync<MarkNotificationsReadRequest>(cancellationToken), cancellationToken)));
}
