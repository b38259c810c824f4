using System.Text.Json.Nodes;
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
