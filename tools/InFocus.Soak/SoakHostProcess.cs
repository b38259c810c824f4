using System.Diagnostics;
using InFocus.TestKit;

namespace InFocus.Soak;

/// <summary>
/// The development host as a process of its own (this tool's copy of InFocus.DevHost.dll, with the run's settings as
/// environment variables), for the fault that needs one: killed with SIGKILL in the middle of writes and started
/// again. Its console output goes to a log file next to the other local logs.
/// </summary>
public sealed class SoakHostProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly int _port = LoopbackPort.Free();
    private readonly string _log = Path.Combine(TestSettings.RepositoryRoot, ".local", "logs", "soak-host.log");
    private readonly Lock _logging = new();
    private Process? _process;

    public SoakHostProcess(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "InFocus.DevHost.dll"), "--trust-forwarded-headers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(Path.GetDirectoryName(_log)!);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The development host did not start.");
        _ = CopyAsync(_process.StandardOutput);
        _ = CopyAsync(_process.StandardError);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await client.GetAsync("api/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"The development host did not become healthy; see {_log}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, requests in flight cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task CopyAsync(StreamReader output)
    {
        string? line;
        while ((line = await output.ReadLineAsync()) is not null)
        {
            lock (_logging)
            {
                File.AppendAllText(_log, line + Environment.NewLine);
            }
        }
    }
}
