using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using InFocus.TestKit;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// Every operation the contract gives a request body refuses a body of another media type (415) and one over its
/// size limit (413) before anything else happens, as documented: the rows come from the document (one per media type
/// an operation accepts), so an endpoint added with a body is covered too. JSON and form bodies are limited to 64 KB;
/// a file uploaded as the body (binary content in the contract: an import) to <c>Imports__MaxBytes</c>.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class RequestBodyLimitTests(DevHostFixture host)
{
    private const int OverTheLimit = 65 * 1024;

    /// <summary>The limit of a file body as the development host is configured (the sample's <c>Imports__MaxBytes</c>).</summary>
    private static readonly int FileLimit = int.Parse(TestSettings.Sample["Imports__MaxBytes"], CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string> OperationsWithBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var operation in ApiContract.Operations)
        {
            var body = ApiContract.Document["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!["requestBody"];
            foreach (var (mediaType, _) in body?["content"]?.AsObject() ?? [])
            {
                data.Add(operation.Id, operation.Method, mediaType);
            }
        }

        return data;
    }

    public static TheoryData<string, string> OperationsWithABody()
    {
        var data = new TheoryData<string, string>();
        foreach (var (operationId, method) in OperationsWithBodies().Select(row => ((string)row[0], (string)row[1])).Distinct())
        {
            data.Add(operationId, method);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsWithABody))]
    public async Task A_body_of_another_media_type_is_415(string operationId, string method)
    {
        using var user = await host.SignUpAsync();
        var other = MediaTypesOf(operationId).Contains("application/json") ? "text/plain" : "application/json";

        using var response = await user.Client.SendRawAsync(method, PathOf(operationId), "{}", other);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public async Task A_body_over_the_limit_is_413(string operationId, string method, string mediaType)
    {
        using var user = await host.SignUpAsync();
        using var content = IsFile(operationId, mediaType)
            ? new ByteArrayContent(new byte[FileLimit + 1]) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } }
            : new StringContent(
                mediaType == "application/json" ? $$"""{"padding":"{{new string('x', OverTheLimit)}}"}""" : "padding=" + new string('x', OverTheLimit),
                Encoding.UTF8,
                mediaType);

        using var response = await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathOf(operationId)) { Content = content });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static JsonObject BodyOf(string operationId)
    {
        var operation = ApiContract.Operations.Single(o => o.Id == operationId);
        return ApiContract.Document["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!["requestBody"]!.AsObject();
    }

    private static List<string> MediaTypesOf(string operationId) => BodyOf(operationId)["content"]!.AsObject().Select(c => c.Key).ToList();

    /// <summary>A file uploaded as the body: binary content in the contract.</summary>
    private static bool IsFile(string operationId, string mediaType) =>
        (string?)BodyOf(operationId)["content"]![mediaType]!["schema"]?["format"] == "binary";

    /// <summary>The operation's path with made-up ids: the body is refused before any id is looked up.</summary>
    private static string PathOf(string operationId)
    {
        var template = ApiContract.Operations.Single(o => o.Id == operationId).Template;
        var path = new StringBuilder("api");
        foreach (var segment in template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(segment.StartsWith('{') ? "c00000000000000000000unknown" : segment);
        }

        return path.ToString();
    }
}
