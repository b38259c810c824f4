using InFocus.Domain.Common;
using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

public sealed class ListImportsFunction(AuthenticatedEndpoint endpoint, ImportService imports)
{
    public const string Name = "ListImports";

    [Function(Name)]
    [Summary("The caller's imports, newest first")]
    [Returns(200, typeof(Page<ImportResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "imports")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await imports.ListAsync(user, request.PageRequest(), cancellationToken)));
}
