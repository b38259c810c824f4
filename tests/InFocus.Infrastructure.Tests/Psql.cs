using System.Diagnostics;
using Npgsql;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// Runs psql as the azd hooks do (no psqlrc, ON_ERROR_STOP), against the local test server, signed in as any role.
/// psql is Debian's client (INFOCUS_PG_CLIENT_BIN, default /usr/lib/postgresql/15/bin, as for scripts/services.sh).
/// </summary>
internal static class Psql
{
    public static string ClientDirectory =>
        Environment.GetEnvironmentVariable("INFOCUS_PG_CLIENT_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";

    /// <summary>Runs psql; throws with its output unless it exits 0. Returns standard output.</summary>
    public static async Task<string> RunAsync(
        NpgsqlConnectionStringBuilder target, string? standardInput, IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(ClientDirectory, "psql"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGPASSWORD"] = target.Password;
        start.Environment["PGSSLMODE"] = "disable";
        foreach (var argument in new[]
                 {
                     $"host={target.Host} port={target.Port} dbname={target.Database} user={target.Username}",
                     "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add($"{name}={value}");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("psql did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"psql {string.Join(' ', arguments)} as {target.Username} failed ({process.ExitCode}):\n{await errors}\n{await output}");
        }

        return await output;
    }
}
