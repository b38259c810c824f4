using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using InFocus.DevHost;
using InFocus.DevHost.Admin;
using InFocus.Domain.Data;
using InFocus.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// InFocus running in the development host on a free loopback port, with a fresh database cloned from the migrated
/// template, the shared Azurite with queue names of its own, and the settings of local.settings.sample.json under the
/// test overrides. Tests talk to it over real HTTP with <see cref="Client"/>.
/// <para>
/// Use one per xunit collection (a host starts in well under a second, but not per test): define a collection with
/// <c>ICollectionFixture&lt;DevHostFixture&gt;</c> (or a subclass adding settings, fakes or services) and put the
/// feature's test classes in it. Collections run in parallel, each against its own host and database.
/// </para>
/// </summary>
public class DevHostFixture : IAsyncLifetime
{
    private WebApplication? _host;
    private string? _database;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The invitation email queue of this host (app setting <c>InvitationEmailQueue</c>), unique per fixture.</summary>
    public string InvitationQueue { get; } = UniqueQueueName("invitations");

    /// <summary>The import queue of this host (app setting <c>ImportQueue</c>), unique per fixture.</summary>
    public string ImportQueue { get; } = UniqueQueueName("imports");

    /// <summary>This run's admin key (header <c>x-functions-key</c> of the admin API).</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>The host's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client for the host; relative URIs such as <c>api/health</c>.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's root services (the same singletons the functions use; create a scope for scoped ones).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host is not running.");

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var options = HostOptions();
        AdminKey = options.AdminKey;
        _host = DevHostApplication.Build(options);
        await _host.StartAsync();
        BaseAddress = new Uri(_host.Urls.Single() + "/");
        Client = CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        var queues = new QueueServiceClient(TestEnvironment.Storage);
        foreach (var queue in CreatedQueues())
        {
            await queues.GetQueueClient(queue).DeleteIfExistsAsync();
            await queues.GetQueueClient(queue + "-poison").DeleteIfExistsAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>
    /// A new client for the host (for example one that will carry another user's token). Every response it receives
    /// from an API operation is checked against the API contract (<see cref="ApiContract"/>).
    /// </summary>
    public HttpClient CreateClient() => new(Handler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The clients' handler; override to wrap it (keep the base one inside).</summary>
    protected virtual HttpMessageHandler Handler() => new ContractCheckingHandler { InnerHandler = new SocketsHttpHandler() };

    /// <summary>A new DI scope of the host, as one invocation gets.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> against the host's database, in a scope of its own.</summary>
    public async Task DbAsync(Func<InFocusDbContext, Task> work)
    {
        await using var scope = CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<InFocusDbContext>());
    }

    /// <summary>Reads something from the host's database, in a scope of its own.</summary>
    public async Task<T> DbAsync<T>(Func<InFocusDbContext, Task<T>> read)
    {
        await using var scope = CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<InFocusDbContext>());
    }

    /// <summary>
    /// Runs a timer or queue function now through the admin API and waits until it finished (the host's
    /// <c>Prefer: wait</c> extension). A queue function gets <paramref name="input"/> as its message.
    /// </summary>
    public async Task<InvocationOutcome> RunFunctionAsync(string name, string input = "")
    {
        using var request = AdminRequest(name, JsonContent.Create(new { input }));
        request.Headers.Add("Prefer", "wait=60");
        using var response = await Client.SendAsync(request);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.InternalServerError))
        {
            throw new InvalidOperationException($"Running {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<InvocationOutcome>() ?? throw new InvalidOperationException("No outcome.");
    }

    /// <summary>A request to the admin API to run <paramref name="function"/>, with this run's admin key.</summary>
    public HttpRequestMessage AdminRequest(string function, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{function}") { Content = content };
        request.Headers.Add(AdminEndpoints.KeyHeader, AdminKey);
        return request;
    }

    /// <summary>How the host is built; override to serve other metadata or assemblies (keep the base settings).</summary>
    protected virtual DevHostOptions HostOptions()
    {
        var settings = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value);
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        return new DevHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseEnvironmentVariables = false,
            // Each test user's client address travels in X-Forwarded-For, as the Functions host reports it.
            TrustForwardedHeaders = true,
            Settings = settings,
            ConfigureServices = ConfigureServices,
        };
    }

    /// <summary>App settings over the sample; override to add more (keep the base ones).</summary>
    protected virtual Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.HostOverrides(ConnectionString, InvitationQueue);
        settings["ImportQueue"] = ImportQueue;
        return settings;
    }

    /// <summary>Runs after the app's services are registered; override to add or replace services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Queues this fixture uses, deleted (with their poison queues) when it is disposed.</summary>
    protected virtual IEnumerable<string> CreatedQueues() => [InvitationQueue, ImportQueue];

    protected virtual async Task<string> CreateDatabaseAsync() =>
        TestPostgres.ConnectionStringFor(_database = await TestPostgres.CreateDatabaseAsync(GetType().Name));

    protected virtual Task DropDatabaseAsync() => _database is null ? Task.CompletedTask : TestPostgres.DropDatabaseAsync(_database);

    /// <summary>A queue name no other fixture or test run uses (<paramref name="purpose"/>: a short lowercase word).</summary>
    public static string UniqueQueueName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
