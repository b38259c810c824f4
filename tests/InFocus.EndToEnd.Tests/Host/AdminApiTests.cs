using System.Net;
using System.Net.Http.Json;
using InFocus.DevHost.Admin;
using InFocus.EndToEnd.Tests.Host.Probes;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary><c>POST /admin/functions/{name}</c> as the Functions host answers it, plus the <c>Prefer: wait</c> extension.</summary>
[Collection(ProbeHostCollection.Name)]
public sealed class AdminApiTests(ProbeHostFixture host)
{
    [Fact]
    public async Task Without_a_wait_preference_the_run_is_accepted_and_happens_in_the_background()
    {
        var input = $"accepted-{Guid.NewGuid():N}";

        using var response = await host.Client.SendAsync(host.AdminRequest("probequeue", JsonContent.Create(new { input })));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(() => host.Log.CallsOf("ProbeQueue", input).Count == 1, "the queue function ran with the input as its message");
    }

    [Fact]
    public async Task With_a_wait_preference_the_answer_reports_a_failed_run()
    {
        var outcome = await host.RunFunctionAsync("ProbeQueue", $"{ProbeFunctions.FailPrefix}{Guid.NewGuid():N}");

        Assert.Equal(new InvocationOutcome("ProbeQueue", "Failed", outcome.DurationMs, typeof(InvalidOperationException).FullName), outcome);
    }

    [Fact]
    public async Task An_unknown_function_is_404()
    {
        using var response = await host.Client.SendAsync(host.AdminRequest("NoSuchFunction", JsonContent.Create(new { input = "" })));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_http_function_is_called_on_its_route_not_through_the_admin_api()
    {
        using var response = await host.Client.SendAsync(host.AdminRequest("ProbeEcho", JsonContent.Create(new { input = "" })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_invocation_is_400()
    {
        using var response = await host.Client.SendAsync(host.AdminRequest("ProbeTimer", new StringContent("not json", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_forwarded_for_another_address_is_refused_with_403_and_runs_nothing()
    {
        var before = host.Log.CallsOf("ProbeTimer").Count;
        using var request = host.AdminRequest("ProbeTimer", JsonContent.Create(new { input = "" }));
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("Prefer", "wait=5");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, host.Log.CallsOf("ProbeTimer").Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Without_the_admin_key_the_answer_is_401_and_nothing_runs(string? key)
    {
        var before = host.Log.CallsOf("ProbeTimer").Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/ProbeTimer") { Content = JsonContent.Create(new { input = "" }) };
        if (key is not null)
        {
            request.Headers.Add(AdminEndpoints.KeyHeader, key);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, host.Log.CallsOf("ProbeTimer").Count);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task A_body_of_a_type_a_cross_site_form_or_fetch_could_send_is_415_and_nothing_runs(string mediaType)
    {
        // Observed: the admin API accepted a cross-site fetch with any content type.
        var before = host.Log.CallsOf("ProbeTimer").Count;
        using var content = new StringContent("{\"input\":\"\"}");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);

        using var response = await host.Client.SendAsync(host.AdminRequest("ProbeTimer", content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, host.Log.CallsOf("ProbeTimer").Count);
    }

    [Fact]
    public void Every_start_has_a_new_random_admin_key() =>
        Assert.NotEqual(new InFocus.DevHost.DevHostOptions().AdminKey, new InFocus.DevHost.DevHostOptions().AdminKey);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("::ffff:10.0.0.7", false)]
    [InlineData("fe80::1", false)]
    public void Only_loopback_callers_may_use_the_admin_api(string address, bool allowed) =>
        Assert.Equal(allowed, AdminEndpoints.IsLoopback(IPAddress.Parse(address)));
}
