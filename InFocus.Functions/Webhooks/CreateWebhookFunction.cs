using InFocus.Domain.Webhooks;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Webhooks;

public sealed class CreateWebhookFunction(AuthenticatedEndpoint endpoint, WebhookService webhooks)
{
    public const string Name = "CreateWebhook";

    [Function(Name)]
    [Summary("Create a webhook that receives my notifications, signed (the generated secret is returned once)")]
    [JsonBody(typeof(CreateWebhookRequest))]
    [Returns(201, typeof(WebhookCreatedResponse), Location = true)]
    [Fails(409, 429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/webhooks")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var created = await webhooks.CreateAsync(user, await request.ReadJsonAsync<CreateWebhookRequest>(cancellationToken), cancellationToken);
            return ApiResult.Created(created, $"/api/me/webhooks/{created.Webhook.Id}");
        });
}
