using System.Net;
using System.Net.Http.Json;
using InFocus.EndToEnd.Tests.Host.Probes;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>HTTP functions are served exactly as functions.metadata describes them, under host.json's route prefix.</summary>
[Collection(ProbeHostCollection.Name)]
public sealed class HttpFunctionTests(ProbeHostFixture host)
{
    [Fact]
    public async Task A_function_listed_in_the_metadata_is_served_on_its_route_with_route_values_bound_by_name()
    {
        var echo = await host.Client.GetFromJsonAsync<Echo>("api/probe/echo/hello");

        Assert.Equal(new Echo("hello", "GET"), echo);
    }

    [Fact]
    public async Task Every_method_the_metadata_lists_is_served()
    {
        using var response = await host.Client.PostAsync("api/probe/echo/posted", content: null);

        Assert.Equal(new Echo("posted", "POST"), await response.Content.ReadFromJsonAsync<Echo>());
    }

    [Fact]
    public async Task A_method_the_metadata_does_not_list_is_refused_with_405_naming_the_allowed_ones()
    {
        var word = $"refused{Guid.NewGuid():N}";

        using var response = await host.Client.DeleteAsync($"api/probe/echo/{word}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
        Assert.Empty(host.Log.CallsOf("ProbeEcho", word));
    }

    [Fact]
    public async Task A_function_left_out_of_the_metadata_is_not_served_although_its_class_exists()
    {
        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Routes_exist_only_under_the_route_prefix_of_host_json()
    {
        using var response = await host.Client.GetAsync("probe/echo/hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_framework_action_result_is_executed_as_asp_net_core_executes_it()
    {
        using var response = await host.Client.GetAsync("api/probe/framework/mvc");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"word":"mvc"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_that_throws_answers_500_without_revealing_anything()
    {
        using var response = await host.Client.GetAsync("api/probe/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    private sealed record Echo(string Word, string Method);
}
