using InFocus.Domain.Webhooks;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Webhooks;

public sealed class DeleteWebhookFunction(AuthenticatedEndpoint endpoint, WebhookService webhooks)
{
    public const string Name = "DeleteWebhook";

    [Function(Name)]
    [Summary("Delete one of my webhooks and its deliveries")]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me/webhooks/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await webhooks.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
