using System.Net;
using System.Text.Json;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Health;

[Collection(DevHostCollection.Name)]
public sealed class HealthTests(DevHostFixture host)
{
    [Fact]
    public async Task Health_is_200_when_the_database_and_the_queue_answer()
    {
        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy","checks":{"database":"healthy","queue":"healthy"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_says_nothing_about_versions_hosts_or_errors()
    {
        using var response = await host.Client.GetAsync("api/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["checks", "status"], body.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["database", "queue"], body.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Health_answers_get_only()
    {
        using var response = await host.Client.PostAsync("api/health", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
