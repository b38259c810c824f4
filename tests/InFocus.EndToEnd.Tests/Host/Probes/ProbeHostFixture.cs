using InFocus.DevHost;
using InFocus.EndToEnd.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Host.Probes;

/// <summary>
/// The development host serving the app's metadata with the Health function removed and the probe functions added,
/// so tests can see that the host serves exactly what functions.metadata lists.
/// </summary>
public sealed class ProbeHostFixture : DevHostFixture
{
    private readonly string _metadataPath = FunctionAppMetadata.FromBuildOutput()
        .Without("Health")
        .WithFunctionsOf(typeof(ProbeFunctions))
        .WriteToTemporaryFile();

    public string ProbeQueue { get; } = UniqueQueueName("probe");

    public ProbeLog Log { get; } = new();

    protected override DevHostOptions HostOptions()
    {
        var options = base.HostOptions();
        return options with { MetadataPath = _metadataPath, FunctionAssemblies = [.. options.FunctionAssemblies, typeof(ProbeFunctions).Assembly] };
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings[ProbeFunctions.QueueSetting] = ProbeQueue;
        settings[ProbeFunctions.RareScheduleSetting] = "0 0 0 1 1 *";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Log);

    /// <summary>Unchecked: this host serves a changed function app (probes in, Health out), not the one the contract describes.</summary>
    protected override HttpMessageHandler Handler() => new SocketsHttpHandler();

    protected override IEnumerable<string> CreatedQueues() => [.. base.CreatedQueues(), ProbeQueue];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_metadataPath);
    }
}

[CollectionDefinition(Name)]
public sealed class ProbeHostCollection : ICollectionFixture<ProbeHostFixture>
{
    public const string Name = "Development host with probe functions";
}
