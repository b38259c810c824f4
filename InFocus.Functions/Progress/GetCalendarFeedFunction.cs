using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

/// <summary>
/// The calendar as an iCalendar feed for calendar apps, which cannot sign in: the <c>token</c> from
/// <c>POST /api/me/calendar/token</c> is the capability (an unknown or rotated token is a 404).
/// </summary>
public sealed class GetCalendarFeedFunction(HttpEndpoint endpoint, CalendarService calendar)
{
    public const string Name = "GetCalendarFeed";

    public const string ContentType = "text/calendar; charset=utf-8";

    [Function(Name)]
    [Summary("My calendar as an iCalendar (RFC 5545) feed, for calendar apps")]
    [Query("token", MaxLength = 64, Description = "The feed token from POST /api/me/calendar/token.")]
    [Returns(200, MediaType = "text/calendar")]
    [Fails(404)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/calendar.ics")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var feed = await calendar.FeedAsync(request.QueryValue("token", maxLength: 64), cancellationToken);
            return new ApiResult(StatusCodes.Status200OK, feed, ContentType)
                .WithHeader("X-Content-Type-Options", "nosniff")
                .WithHeader("Referrer-Policy", "no-referrer");
        });
}
