using System.Reflection;

namespace InFocus.Infrastructure.Tests;

/// <summary>Paths in the repository under test.</summary>
internal static class Repository
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string BicepDirectory => Path.Combine(Root, "infra", "bicep");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    /// <summary>Every .bicep file under infra/bicep, as paths relative to that folder with '/' separators.</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(BicepDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(RelativeToBicepDirectory)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A path (absolute, or relative to infra/bicep) as the tests name Bicep files: relative, with '/' separators.</summary>
    public static string RelativeToBicepDirectory(string path) =>
        Path.GetRelativePath(BicepDirectory, Path.Combine(BicepDirectory, path)).Replace('\\', '/');

    public static string? Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;

    private static string FindRoot()
    {
        var candidates = new[] { Metadata("RepositoryRoot"), AppContext.BaseDirectory };
        foreach (var start in candidates.Where(c => !string.IsNullOrEmpty(c)))
        {
            for (var directory = new DirectoryInfo(start!); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "InFocus.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding InFocus.sln).");
    }
}
