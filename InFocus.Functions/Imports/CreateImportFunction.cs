using InFocus.Domain.Imports;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace InFocus.Functions.Imports;

/// <summary>
/// Uploads an export file of another tracker: the body is the file itself (<c>application/zip</c>, <c>text/csv</c> or
/// <c>application/json</c>), copied to a temporary file within the size limit, checked in full, stored and queued.
/// </summary>
public sealed class CreateImportFunction(AuthenticatedEndpoint endpoint, ImportService imports, IOptions<ImportOptions> options)
{
    public const string Name = "CreateImport";

    [Function(Name)]
    [Summary("Import a Letterboxd, IMDb, Trakt or InFocus export file (the request body, application/zip, text/csv or application/json)")]
    [BinaryBody(
        ImportFileReader.Zip, ImportFileReader.Csv, ImportFileReader.Json,
        Description = "The export file itself: a ZIP of the source's files, or one of its CSV or JSON files (name it with file=); at most Imports__MaxBytes (20 MB) and Imports__MaxRows (100,000) rows.")]
    [Query("source", Enum = typeof(ImportSource))]
    [Query("file", MaxLength = ImportLimits.FileName, Description = "The name of a lone CSV or JSON file (watchlist.csv, ratings-movies.json ...), which tells what its rows are.")]
    [Returns(202, typeof(ImportCreatedResponse), Location = true)]
    [Fails(429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "imports")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var source = request.QueryValue("source");
            var fileName = request.QueryValue("file", ImportLimits.FileName) ?? "upload";
            await using var file = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var contentType = await RequestBody.CopyFileAsync(request, file, options.Value.MaxBytes, ImportFileReader.ContentTypes, cancellationToken);
            file.Position = 0;
            var created = await imports.CreateAsync(user, source, new ImportUpload(file, contentType, fileName), cancellationToken);
            return ApiResult.Accepted(created).WithHeader("Location", $"/api/imports/{created.Id}");
        });
}
