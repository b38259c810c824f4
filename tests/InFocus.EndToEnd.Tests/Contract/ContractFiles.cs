namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>Where the repository keeps the contract's build output and its npm tools.</summary>
internal static class ContractFiles
{
    /// <summary>The repository root: the folder above the test binaries that holds InFocus.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>openapi.json as tools/InFocus.OpenApi wrote it after the build, in the same configuration as these tests.</summary>
    public static string BuildOutputDocument { get; } = Path.Combine(
        RepositoryRoot, "tools", "InFocus.OpenApi", "bin", BuildConfiguration(), TargetFramework(), "openapi.json");

    /// <summary>The pinned npm tools of the contract tests (package.json and its lock file).</summary>
    public static string NpmTools { get; } = Path.Combine(RepositoryRoot, "tools", "api-contract");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InFocus.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No InFocus.sln above {AppContext.BaseDirectory}.");
    }

    // The test binaries live in bin/<configuration>/<target framework>/.
    private static string TargetFramework() => new DirectoryInfo(AppContext.BaseDirectory).Name;

    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}
