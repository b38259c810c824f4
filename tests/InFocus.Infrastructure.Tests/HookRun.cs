using System.Diagnostics;

namespace InFocus.Infrastructure.Tests;

/// <summary>What a run of an azd hook did: its exit code, output, and the calls it made to az, azd, curl and psql.</summary>
public sealed record HookRun(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Calls)
{
    /// <summary>Debian's PostgreSQL client, as for scripts/services.sh (INFOCUS_PG_CLIENT_BIN overrides).</summary>
    private static string PsqlDirectory =>
        Environment.GetEnvironmentVariable("INFOCUS_PG_CLIENT_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";

    /// <summary>Where the fakes of az, azd, curl (and the logging psql wrapper) live.</summary>
    private static string FakesDirectory => Path.Combine(Repository.Root, "tests", "InFocus.Infrastructure.Tests", "Fakes");

    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}\n--- calls\n{string.Join('\n', Calls)}";

    /// <summary>
    /// Runs infra/scripts/<paramref name="hook"/>.sh (with <paramref name="arguments"/>) as azd does (sh, from the repository root, the azd environment in
    /// the process environment), with the fakes first on PATH. Values the fakes and the hooks need and the test does
    /// not set get harmless defaults. The fakes keep their state (Key Vault secrets) in <paramref name="state"/>, so
    /// runs that share it see each other's secrets; without it, in a folder of this run's own.
    /// </summary>
    public static async Task<HookRun> RunAsync(
        string hook, IReadOnlyDictionary<string, string> environment, DirectoryInfo? state = null, params string[] arguments)
    {
        var ownState = state is null;
        state ??= Directory.CreateTempSubdirectory("infocus-hook-");
        var log = Path.Combine(state.FullName, "calls.log");
        File.Delete(log);
        try
        {
            var start = new ProcessStartInfo("sh")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine("infra", "scripts", hook + ".sh"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Clear();
            var defaults = new Dictionary<string, string>
            {
                ["PATH"] = $"{FakesDirectory}:/usr/local/bin:/usr/bin:/bin",
                ["HOME"] = state.FullName,
                ["FAKE_STATE"] = state.FullName,
                ["FAKE_REAL_PSQL"] = Path.Combine(PsqlDirectory, "psql"),
                ["FAKE_ACCOUNT_TYPE"] = "user",
                ["FAKE_OBJECT_ID"] = "00000000-0000-0000-0000-00000000d001",
                ["FAKE_NAME"] = "deployer@example.com",
                ["FAKE_TOKEN"] = "not-a-token",
                ["FAKE_PUBLIC_IPV4"] = "203.0.113.7",
                ["PGSSLMODE"] = "disable",
            };
            foreach (var (name, value) in defaults.Concat(environment))
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var calls = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
            return new HookRun(process.ExitCode, await output, await errors, calls);
        }
        finally
        {
            if (ownState)
            {
                state.Delete(recursive: true);
            }
        }
    }

    /// <summary>The calls whose text starts with one of <paramref name="prefixes"/>, in order.</summary>
    public IReadOnlyList<string> CallsStartingWith(params string[] prefixes) =>
        Calls.Where(call => prefixes.Any(prefix => call.StartsWith(prefix, StringComparison.Ordinal))).ToList();
}
