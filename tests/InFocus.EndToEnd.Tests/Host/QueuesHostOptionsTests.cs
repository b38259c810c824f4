using InFocus.DevHost;
using InFocus.DevHost.Configuration;
using InFocus.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>The queue listener's settings: host.json's <c>extensions.queues</c>, else the storage queue extension's defaults.</summary>
public sealed class QueuesHostOptionsTests
{
    [Fact]
    public async Task The_host_polls_with_the_queue_settings_of_host_json()
    {
        await using var host = DevHostApplication.Build(new DevHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseEnvironmentVariables = false,
            Settings = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value),
        });

        var options = host.Services.GetRequiredService<QueuesHostOptions>();

        Assert.Equal(
            ("base64", 16, (int?)8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 5),
            (options.MessageEncoding, options.BatchSize, options.NewBatchThreshold, options.MaxPollingInterval, options.VisibilityTimeout, options.MaxDequeueCount));
    }

    [Fact]
    public void Without_settings_the_defaults_are_those_of_azure_functions()
    {
        var options = QueuesHostOptions.Read(new ConfigurationBuilder().Build());

        Assert.Equal(
            (true, 16, 8 * Environment.ProcessorCount, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5),
            (options.IsBase64, options.BatchSize, options.EffectiveNewBatchThreshold, options.MaxPollingInterval, options.VisibilityTimeout, options.MaxDequeueCount));
    }

    [Theory]
    [InlineData("messageEncoding", "utf-16", "messageEncoding 'utf-16' must be 'base64' or 'none'.")]
    [InlineData("batchSize", "33", "batchSize 33 must be between 1 and 32.")]
    [InlineData("maxDequeueCount", "0", "maxDequeueCount 0 must be at least 1.")]
    [InlineData("maxPollingInterval", "00:00:00.050", "maxPollingInterval 00:00:00.0500000 must be at least 00:00:00.1000000.")]
    public void A_value_the_host_would_refuse_fails_the_start_naming_it(string setting, string value, string error)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{QueuesHostOptions.Section}:{setting}", value)])
            .Build();

        var failure = Assert.Throws<DevHostStartupException>(() => QueuesHostOptions.Read(configuration));

        Assert.Equal($"host.json extensions.queues: {error}", Assert.Single(failure.Errors));
    }
}
