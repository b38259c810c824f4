using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

public sealed class ExportMeFunction(AuthenticatedEndpoint endpoint, ExportService exports)
{
    public const string Name = "ExportMe";

    [Function(Name)]
    [Summary("Everything of the caller as a ZIP: json (versioned, importable with source=infocus) or letterboxd (CSVs)")]
    [Query("format", Enum = typeof(ExportFormat))]
    [Returns(200, MediaType = "application/zip")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/export")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var export = await exports.ExportAsync(user, request.QueryValue("format"), cancellationToken);
            return ApiResult.File(export.Content, "application/zip", export.FileName);
        });
}
