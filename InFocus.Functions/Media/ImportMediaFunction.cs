using InFocus.Domain.Media;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class ImportMediaFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    public const string Name = "ImportMedia";

    [Function(Name)]
    [JsonBody(typeof(ImportMediaRequest))]
    [Returns(200, typeof(MediaItemResponse), Description = "The title was in the catalog already; refreshed")]
    [Returns(201, typeof(MediaItemResponse), Location = true)]
    [Fails(404, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "media")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (_, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<ImportMediaRequest>(cancellationToken);
            var imported = await catalog.ImportAsync(body, cancellationToken);
            return imported.Created
                ? ApiResult.Created(imported.Item, $"/api/media/{imported.Item.Id}")
                : ApiResult.Ok(imported.Item);
        });
}
