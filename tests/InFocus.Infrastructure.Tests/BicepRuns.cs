namespace InFocus.Infrastructure.Tests;

/// <summary>
/// Every Bicep file under infra/bicep built and linted once per test run, with one CLI call each (<c>--pattern</c>):
/// a few seconds in all instead of a couple per file and command. Tests read the results file by file.
/// </summary>
internal static class BicepRuns
{
    /// <summary>Where the build writes the ARM templates: the layout of infra/bicep, a .json per .bicep.</summary>
    public static string OutputDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "bicep-build");

    private static readonly Lazy<BicepResult> _build = new(() =>
    {
        // A template left over from an earlier run must not stand in for one this build failed to write.
        if (Directory.Exists(OutputDirectory))
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }

        return BicepCli.BuildAll(OutputDirectory);
    });

    private static readonly Lazy<BicepResult> _lint = new(BicepCli.LintAll);

    public static BicepResult Build => _build.Value;

    public static BicepResult Lint => _lint.Value;

    /// <summary>The ARM template the build made of <paramref name="file"/> (relative to infra/bicep).</summary>
    public static string TemplatePath(string file) => Path.Combine(OutputDirectory, Path.ChangeExtension(file, ".json"));
}
