using System.Diagnostics;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// The npm tools pinned in tools/api-contract (package-lock.json): installed with <c>npm ci</c> the first time a test
/// needs them (or after the lock file changed), then run from its node_modules/.bin.
/// </summary>
internal static class NpmTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Runs <paramref name="tool"/> (a command of node_modules/.bin) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string workingDirectory, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await ProcessRunner.RunAsync(Path.Combine(ContractFiles.NpmTools, "node_modules", ".bin", tool), workingDirectory, arguments);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            var installed = Path.Combine(ContractFiles.NpmTools, "node_modules", ".package-lock.json");
            if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(ContractFiles.NpmTools, "package-lock.json")))
            {
                return;
            }

            var (exitCode, output) = await ProcessRunner.RunAsync("npm", ContractFiles.NpmTools, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(exitCode == 0, $"npm ci in tools/api-contract failed:\n{output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}

internal static class ProcessRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs a program to its end (at most five minutes) and returns its exit code and its output and errors.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {Limit}.");
        }

        return (process.ExitCode, await output + await errors);
    }
}
