using InFocus.Domain.Common;
using InFocus.Domain.Webhooks;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Webhooks;

public sealed class ListWebhooksFunction(AuthenticatedEndpoint endpoint, WebhookService webhooks)
{
    public const string Name = "ListWebhooks";

    [Function(Name)]
    [Summary("List my webhooks, newest first, each with its latest deliveries")]
    [Returns(200, typeof(Page<WebhookResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/webhooks")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await webhooks.ListAsync(user, request.PageRequest(), cancellationToken)));
}
