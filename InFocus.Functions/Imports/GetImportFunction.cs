using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

public sealed class GetImportFunction(AuthenticatedEndpoint endpoint, ImportService imports)
{
    public const string Name = "GetImport";

    [Function(Name)]
    [Summary("An import's progress and report")]
    [Returns(200, typeof(ImportResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "imports/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) => ApiResult.Ok(await imports.GetAsync(user, id, cancellationToken)));
}
