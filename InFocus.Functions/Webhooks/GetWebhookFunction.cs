using InFocus.Domain.Webhooks;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Webhooks;

public sealed class GetWebhookFunction(AuthenticatedEndpoint endpoint, WebhookService webhooks)
{
    public const string Name = "GetWebhook";

    [Function(Name)]
    [Summary("Get one of my webhooks with its latest deliveries")]
    [Returns(200, typeof(WebhookResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/webhooks/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await webhooks.GetAsync(user, id, cancellationToken)));
}
