using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class RotateCalendarTokenFunction(AuthenticatedEndpoint endpoint, CalendarService calendar)
{
    public const string Name = "RotateCalendarToken";

    [Function(Name)]
    [Summary("A new calendar feed token and address (the previous one stops working)")]
    [Returns(200, typeof(CalendarFeedTokenResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/calendar/token")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await calendar.RotateTokenAsync(user, cancellationToken)));
}
