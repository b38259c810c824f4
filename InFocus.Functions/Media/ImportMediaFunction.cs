using InFocus.Domain.Media;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class ImportMediaFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    [Function("ImportMedia")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "media")] HttpRequest request) =>
        endpoint.RunAsync(request, "ImportMedia", async (_, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<ImportMediaRequest>(cancellationToken);
            var imported = await catalog.ImportAsync(body, cancellationToken);
            return imported.Created
                ? ApiResult.Created(imported.Item, $"/api/media/{imported.Item.Id}")
                : ApiResult.Ok(imported.Item);
        });
}
