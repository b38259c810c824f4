using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InFocus.DevHost.Admin;
using InFocus.DevHost;
using InFocus.DevHost.Configuration;
using InFocus.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>Settings layered as func start layers them: host.json, then local.settings.json, then the environment.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _variable = $"INFOCUS_DEVHOST_TEST_{Guid.NewGuid():N}";
    private readonly string _emptyVariable = $"INFOCUS_DEVHOST_TEST_{Guid.NewGuid():N}";
    private readonly string _localSettings = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    public ConfigurationTests()
    {
        var values = new JsonObject();
        foreach (var (key, value) in TestSettings.Sample)
        {
            values[key] = value;
        }

        values[_variable] = "from local settings";
        values[_emptyVariable] = "from local settings";
        values["Section__Key"] = "nested";
        values["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "3";
        var file = new JsonObject { ["IsEncrypted"] = false, ["Values"] = values, ["ConnectionStrings"] = new JsonObject { ["Reports"] = "Host=reports" } };
        File.WriteAllText(_localSettings, file.ToJsonString());
        Environment.SetEnvironmentVariable(_variable, "from the environment");
        Environment.SetEnvironmentVariable(_emptyVariable, "");
    }

    [Fact]
    public async Task Host_json_is_read_under_AzureFunctionsJobHost()
    {
        await using var host = Build();

        Assert.Equal("api", host.Configuration["AzureFunctionsJobHost:extensions:http:routePrefix"]);
        Assert.Equal("00:00:30", host.Configuration["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"]);
    }

    [Fact]
    public async Task A_local_setting_overrides_host_json_and_section_names_use_double_underscores()
    {
        await using var host = Build();

        Assert.Equal(3, host.Services.GetRequiredService<QueuesHostOptions>().MaxDequeueCount);
        Assert.Equal("nested", host.Configuration["Section:Key"]);
        Assert.Equal("Host=reports", host.Configuration["ConnectionStrings:Reports"]);
    }

    [Fact]
    public async Task An_environment_variable_overrides_a_local_setting_unless_it_is_empty()
    {
        await using var host = Build();

        Assert.Equal("from the environment", host.Configuration[_variable]);
        Assert.Equal("from local settings", host.Configuration[_emptyVariable]);
    }

    [Fact]
    public async Task Explicit_settings_override_everything()
    {
        await using var host = Build(new Dictionary<string, string?> { [_variable] = "explicit" });

        Assert.Equal("explicit", host.Configuration[_variable]);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.NotFound)]
    [InlineData(true, HttpStatusCode.Forbidden)]
    public async Task X_Forwarded_For_counts_only_with_trust_forwarded_headers(bool trust, HttpStatusCode expected)
    {
        // Observed: the host trusted X-Forwarded-For from any loopback caller. Seen through the admin API, which answers
        // loopback callers only: a forwarded foreign address makes it refuse (403) exactly when the header is trusted;
        // otherwise the call gets as far as looking the (unknown, so nothing runs) function up.
        var options = new DevHostOptions { Urls = "http://127.0.0.1:0", LocalSettingsPath = _localSettings, TrustForwardedHeaders = trust };
        await using var app = DevHostApplication.Build(options);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/NoSuchFunction") { Content = JsonContent.Create(new { input = "" }) };
        request.Headers.Add(AdminEndpoints.KeyHeader, options.AdminKey);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);
        await app.StopAsync();

        Assert.Equal(expected, response.StatusCode);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Environment.SetEnvironmentVariable(_emptyVariable, null);
        File.Delete(_localSettings);
    }

    private WebApplication Build(Dictionary<string, string?>? settings = null) => DevHostApplication.Build(new DevHostOptions
    {
        Urls = "http://127.0.0.1:0",
        LocalSettingsPath = _localSettings,
        Settings = settings ?? [],
    });
}
