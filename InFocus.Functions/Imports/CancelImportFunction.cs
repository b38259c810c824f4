using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

public sealed class CancelImportFunction(AuthenticatedEndpoint endpoint, ImportService imports)
{
    public const string Name = "CancelImport";

    [Function(Name)]
    [Summary("Cancel a queued or running import (rows already applied stay)")]
    [Returns(200, typeof(ImportResponse))]
    [Fails(409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "imports/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) => ApiResult.Ok(await imports.CancelAsync(user, id, cancellationToken)));
}
