using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>Small JSON and form request and problem-response helpers for tests over HTTP.</summary>
internal static class Http
{
    /// <summary>A page's form as a browser posts it (<c>application/x-www-form-urlencoded</c>).</summary>
    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, InFocusJson.Options);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json) =>
        client.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>A PATCH conditional on <paramref name="ifMatch"/> (sent as <c>If-Match</c>).</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, InFocusJson.Options);

    public static Task<HttpResponseMessage> DeleteJsonAsync(this HttpClient client, string path, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(body, options: InFocusJson.Options) });

    /// <summary>Sends <paramref name="body"/> exactly as given, for requests no typed client would make (broken JSON, odd types).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, string method, string path, string? body = null, string mediaType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, mediaType),
        });

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(InFocusJson.Options))!;

    /// <summary>The body of a problem response, checked to be problem+json with the given status.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The fields a 400 problem names, in ordinal order.</summary>
    public static async Task<string[]> InvalidFieldsAsync(this HttpResponseMessage response) =>
        (await response.ProblemAsync(400)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The messages a 400 problem gives for <paramref name="field"/>.</summary>
    public static async Task<string[]> FieldErrorsAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(400);
        return problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
