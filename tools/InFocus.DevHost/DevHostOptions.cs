using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using InFocus.DevHost.Metadata;
using InFocus.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.DevHost;

/// <summary>What the development host serves and where its settings come from.</summary>
public sealed record DevHostOptions
{
    public const int DefaultPort = 7071;

    /// <summary>
    /// The function app's build output: host.json and functions.metadata. The build copies both into this program's
    /// folder, which is the default.
    /// </summary>
    public string FunctionAppDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The function index to serve; default <c>functions.metadata</c> in <see cref="FunctionAppDirectory"/>.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>Assemblies that <c>scriptFile</c> entries may name; a function in any other is refused.</summary>
    public IReadOnlyCollection<Assembly> FunctionAssemblies { get; init; } = [typeof(FunctionsServiceCollectionExtensions).Assembly];

    /// <summary>local.settings.json to read (<c>Values</c>, <c>ConnectionStrings</c>); none when null.</summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>Environment variables override local settings and host.json, as under <c>func start</c>.</summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>App settings (<c>Section__Key</c> form) applied last, over everything else.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string Urls { get; init; } = $"http://localhost:{DefaultPort}";

    /// <summary>
    /// Apply <c>X-Forwarded-For</c> (and the other forwarded headers) from loopback callers, as the worker does behind
    /// the Functions host. Off by default: then any local process could claim any client address. The end-to-end tests
    /// and a local reverse proxy turn it on (<c>--trust-forwarded-headers</c>).
    /// </summary>
    public bool TrustForwardedHeaders { get; init; }

    /// <summary>The key the admin API requires in <c>x-functions-key</c>; a new random one for every start unless given.</summary>
    public string AdminKey { get; init; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Runs after the function app's services are registered (tests replace or add services here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public string ResolvedMetadataPath => MetadataPath ?? Path.Combine(FunctionAppDirectory, FunctionMetadataFile.FileName);
}
