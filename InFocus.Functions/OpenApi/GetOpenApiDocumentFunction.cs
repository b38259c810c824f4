using System.Text;
using System.Text.Json;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.OpenApi;

/// <summary>
/// The API contract (<see cref="ApiDescription"/>), built once per process. Public and cacheable: it changes only
/// with a deployment, so clients revalidate with its entity tag and get 304 while it is current.
/// </summary>
public sealed class GetOpenApiDocumentFunction(HttpEndpoint endpoint)
{
    public const string Name = "GetOpenApiDocument";

    private static readonly Lazy<CachedContent> Document = new(() =>
        new CachedContent(Encoding.UTF8.GetString(ApiDescription.ToJson(ApiDescription.Build())), ApiResult.Json));

    [Function(Name)]
    [Summary("This document: the API contract in OpenAPI 3.1")]
    [RequestHeader("If-None-Match", "The ETag of a copy the client has; 304 while it is current.")]
    [Returns(200, typeof(JsonElement), ETag = true)]
    [Returns(304, Description = "Not modified: the copy the client has is current", ETag = true)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, _ => Task.FromResult<IActionResult>(Document.Value.ResultFor(request)));
}
