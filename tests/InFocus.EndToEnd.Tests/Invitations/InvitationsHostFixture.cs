using InFocus.DevHost;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>
/// The host for the invitation tests. It serves on a loopback port chosen before it starts, so that the links in its
/// emails (<c>Invitations__PublicBaseUrl</c>) lead back to it as they do to the app in Azure; its emails go to the
/// shared smtp4dev (<see cref="Mail"/>), and every log entry at every level is captured (<see cref="Logs"/>), so
/// tests can prove that no token reaches the log.
/// </summary>
public class InvitationsHostFixture : DevHostFixture
{
    // Free now; the host binds it a moment later (the same race any "port 0, then tell" scheme has).
    private readonly int _port = LoopbackPort.Free();

    public CapturingLoggerProvider Logs { get; } = new();

    public Smtp4devClient Mail { get; } = new();

    /// <summary>Where the emailed links point: this host.</summary>
    public string PublicBaseUrl => $"http://127.0.0.1:{_port}";

    public override async Task DisposeAsync()
    {
        Mail.Dispose();
        await base.DisposeAsync();
    }

    protected override DevHostOptions HostOptions() => base.HostOptions() with { Urls = PublicBaseUrl };

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Invitations__PublicBaseUrl"] = PublicBaseUrl;
        settings["AzureFunctionsJobHost__logging__logLevel__default"] = "Trace";
        settings["AzureFunctionsJobHost__logging__logLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILoggerProvider>(Logs);
    }
}

/// <summary>The invitation tests over HTTP and in the browser, sharing one host and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class InvitationsCollection : ICollectionFixture<InvitationsHostFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Invitations over HTTP";
}
