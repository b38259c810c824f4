using System.Text;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Raw requests for table-driven tests of bad input: a method, a path and an optional body sent byte for byte, and the
/// problem the API must answer with (a 4xx, never a 5xx; for a 400 the field its <c>errors</c> must name).
/// </summary>
public static class BadRequests
{
    /// <summary>A JSON body of about <paramref name="bytes"/> bytes: one long string member.</summary>
    public static string JsonOfSize(int bytes) => $$"""{"padding":"{{new string('x', bytes)}}"}""";

    public static HttpRequestMessage Create(string method, string path, string? body, string contentType = "application/json") => new(new HttpMethod(method), path)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, contentType),
    };

    /// <summary>Sends the request and checks the answer is <paramref name="status"/> problem+json, naming <paramref name="field"/> when given.</summary>
    public static async Task AssertProblemAsync(this HttpClient client, HttpRequestMessage request, int status, string? field)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var problem = await response.ProblemAsync(status);
            if (field is not null)
            {
                Assert.True(
                    problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                    $"{request.Method} {request.RequestUri}: expected an error for '{field}', got {problem}");
            }
        }
    }
}
