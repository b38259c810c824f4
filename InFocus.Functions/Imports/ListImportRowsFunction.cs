using InFocus.Domain.Common;
using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

public sealed class ListImportRowsFunction(AuthenticatedEndpoint endpoint, ImportService imports)
{
    public const string Name = "ListImportRows";

    [Function(Name)]
    [Summary("An import's unmatched and error rows, in file order")]
    [Query("outcome", Enum = typeof(ImportProblem), Description = "unmatched or error; both when absent.")]
    [Returns(200, typeof(Page<ImportRowResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "imports/{id}/rows")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var outcome = request.QueryEnum<ImportProblem>("outcome");
            return ApiResult.Page(await imports.ListRowsAsync(user, id, outcome, request.PageRequest(), cancellationToken));
        });
}
