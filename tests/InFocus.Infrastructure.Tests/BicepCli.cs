using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InFocus.Infrastructure.Tests;

/// <summary>One diagnostic line of the Bicep CLI: <c>path(line,column) : Level code: message</c>.</summary>
internal sealed record BicepDiagnostic(string File, int Line, string Level, string Code, string Message)
{
    public override string ToString() => $"{File}({Line}) {Level} {Code}: {Message}";
}

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<BicepDiagnostic> Diagnostics => BicepCli.ParseDiagnostics(StandardError + "\n" + StandardOutput);

    /// <summary>
    /// The diagnostics reported for <paramref name="file"/> (relative to infra/bicep), once each: a run over many
    /// files repeats a module's diagnostics for every template that uses it.
    /// </summary>
    public IReadOnlyList<BicepDiagnostic> DiagnosticsFor(string file) =>
        Diagnostics.Where(d => Repository.RelativeToBicepDirectory(d.File) == file).Distinct().ToList();
}

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that the test project downloads at restore.
/// Every call passes --no-restore: the templates use local modules only and nothing may reach a registry.
/// </summary>
internal static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    private static readonly Lazy<string> _path = new(Locate);

    public static string Version => Repository.Metadata("BicepCliVersion")
        ?? throw new InvalidOperationException("BicepCliVersion is missing from the assembly metadata.");

    public static string ExecutablePath => _path.Value;

    /// <summary>Every .bicep file under infra/bicep.</summary>
    private const string AllFiles = "**/*.bicep";

    /// <summary>Builds every template in one call, writing a .json per .bicep under <paramref name="outputDirectory"/>.</summary>
    public static BicepResult BuildAll(string outputDirectory) =>
        Run("build", "--pattern", AllFiles, "--outdir", outputDirectory, "--no-restore");

    /// <summary>Lints every template in one call.</summary>
    public static BicepResult LintAll() =>
        Run("lint", "--pattern", AllFiles, "--no-restore");

    public static BicepResult Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.BicepDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Bicep did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return new BicepResult(process.ExitCode, standardOutput.Result, standardError.Result);
    }

    public static IReadOnlyList<BicepDiagnostic> ParseDiagnostics(string output) =>
        DiagnosticLine().Matches(output)
            .Select(match => new BicepDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["level"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value.Trim()))
            .ToList();

    /// <summary>
    /// INFOCUS_BICEP_PATH if set; otherwise tools/bicep of the package in the NuGet packages folder the build used,
    /// then NUGET_PACKAGES, then ~/.nuget/packages.
    /// </summary>
    private static string Locate()
    {
        var explicitPath = Environment.GetEnvironmentVariable("INFOCUS_BICEP_PATH");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return EnsureExecutable(explicitPath);
        }

        var roots = new[]
        {
            Repository.Metadata("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, PackageId, Version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The Bicep CLI is not in the NuGet packages folder; run 'dotnet restore'. Looked at: "
                + string.Join(", ", candidates));
        return EnsureExecutable(found);
    }

    /// <summary>NuGet does not keep the execute bit of files it extracts everywhere; set it if it is missing.</summary>
    private static string EnsureExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:\s]+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
