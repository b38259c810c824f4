using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Host.Probes;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>
/// An unexpected failure inside the functions' own call path (<c>HttpEndpoint</c>) is a 500 that shows only the trace
/// id: problem details for the API, an HTML page with the pages' security headers for a page.
/// </summary>
[Collection(ProbeHostCollection.Name)]
public sealed class EndpointFailureTests(ProbeHostFixture host)
{
    [Fact]
    public async Task In_the_api_it_is_a_problem_with_the_trace_id_and_nothing_else()
    {
        using var response = await host.Client.GetAsync("api/probe/endpoint-failure/json");

        var problem = await response.ProblemAsync(500);
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_trace_id_continues_the_callers_traceparent()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/probe/endpoint-failure/json");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        using var response = await host.Client.SendAsync(request);

        var problem = await response.ProblemAsync(500);
        Assert.Equal(traceId, problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task In_a_page_it_is_an_html_page_with_the_trace_id_and_no_error_trace()
    {
        using var response = await host.Client.GetAsync("api/probe/endpoint-failure/html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Contains("<h1>Something went wrong</h1>", html, StringComparison.Ordinal);
        Assert.Matches("<code>[0-9a-f]{32}</code>", html);
        Assert.DoesNotContain("secret", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
    }
}
