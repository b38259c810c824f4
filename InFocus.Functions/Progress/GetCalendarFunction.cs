using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class GetCalendarFunction(AuthenticatedEndpoint endpoint, CalendarService calendar)
{
    public const string Name = "GetCalendar";

    [Function(Name)]
    [Summary("Episode air dates and movie releases of titles on my watchlist")]
    [Query("from", Description = "ISO-8601 date; today by default.")]
    [Query("to", Description = "ISO-8601 date, inclusive; 30 days after from by default, at most 92.")]
    [Returns(200, typeof(Page<CalendarItem>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/calendar")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new CalendarQuery(request.QueryValue("from"), request.QueryValue("to"));
            return ApiResult.Page(await calendar.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
