using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>GET /api/openapi.json: the contract as the build wrote it, public, cacheable and revalidated with its ETag.</summary>
[Collection(DevHostCollection.Name)]
public sealed class OpenApiDocumentTests(DevHostFixture host)
{
    [Fact]
    public async Task The_host_serves_the_document_the_build_wrote_without_sign_in()
    {
        using var response = await host.Client.GetAsync("api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(ContractFiles.BuildOutputDocument), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_with_relative_server_api()
    {
        var document = JsonNode.Parse(await host.Client.GetStringAsync("api/openapi.json"))!;

        Assert.StartsWith("3.1.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/api", document["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_document_is_cacheable_and_answers_304_to_its_current_entity_tag()
    {
        using var first = await host.Client.GetAsync("api/openapi.json");
        var entityTag = first.Headers.ETag;
        Assert.NotNull(entityTag);
        Assert.True(first.Headers.CacheControl?.Public);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/openapi.json");
        request.Headers.IfNoneMatch.Add(entityTag);
        using var revalidated = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(entityTag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_entity_tag_gets_the_whole_document()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/openapi.json");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_reference_page_and_its_vendored_script_come_from_this_host_and_revalidate()
    {
        using var page = await host.Client.GetAsync("api/docs");
        using var script = await host.Client.GetAsync("api/docs/scalar.js");
        using var unknown = await host.Client.GetAsync("api/docs/other.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/docs/scalar.js");
        request.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var revalidated = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"docs/scalar.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        await unknown.ProblemAsync(404);
    }
}
