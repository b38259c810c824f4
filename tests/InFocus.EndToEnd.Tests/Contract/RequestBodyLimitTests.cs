using System.Net;
using System.Text;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// Every operation the contract gives a request body refuses a body of another media type (415) and one over its
/// size limit (413) before anything else happens, as documented: the rows come from the document, so an endpoint
/// added with a body is covered too.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class RequestBodyLimitTests(DevHostFixture host)
{
    private const int OverTheLimit = 65 * 1024;

    public static TheoryData<string, string, string> OperationsWithBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var operation in ApiContract.Operations)
        {
            var body = ApiContract.Document["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!["requestBody"];
            if (body?["content"]?.AsObject().SingleOrDefault().Key is { } mediaType)
            {
                data.Add(operation.Id, operation.Method, mediaType);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public async Task A_body_of_another_media_type_is_415(string operationId, string method, string mediaType)
    {
        using var user = await host.SignUpAsync();
        var other = mediaType == "application/json" ? "text/plain" : "application/json";

        using var response = await user.Client.SendRawAsync(method, PathOf(operationId), "{}", other);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public async Task A_body_over_the_limit_is_413(string operationId, string method, string mediaType)
    {
        using var user = await host.SignUpAsync();
        var oversized = mediaType == "application/json"
            ? $$"""{"padding":"{{new string('x', OverTheLimit)}}"}"""
            : "padding=" + new string('x', OverTheLimit);

        using var response = await user.Client.SendRawAsync(method, PathOf(operationId), oversized, mediaType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

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
