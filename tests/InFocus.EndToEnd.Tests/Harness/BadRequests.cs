namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Table-driven tests of bad input: a method, a path and an optional body sent byte for byte, and the problem the API
/// must answer with (a 4xx, never a 5xx; for a 400 the field its <c>errors</c> must name).
/// </summary>
public static class BadRequests
{
    /// <summary>A JSON body of about <paramref name="bytes"/> bytes: one long string member.</summary>
    public static string JsonOfSize(int bytes) => $$"""{"padding":"{{new string('x', bytes)}}"}""";

    /// <summary>
    /// Sends the body as given (<see cref="Http.SendRawAsync"/>) and checks the answer is <paramref name="status"/>
    /// problem+json, naming <paramref name="field"/> when given.
    /// </summary>
    public static async Task AssertProblemAsync(
        this HttpClient client, string method, string path, string? body, int status, string? field, string contentType = "application/json")
    {
        using var response = await client.SendRawAsync(method, path, body, contentType);
        var problem = await response.ProblemAsync(status);
        if (field is not null)
        {
            Assert.True(
                problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                $"{method} {path}: expected an error for '{field}', got {problem}");
        }
    }
}
