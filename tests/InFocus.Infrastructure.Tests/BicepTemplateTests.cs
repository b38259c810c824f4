using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>Every Bicep file builds and lints with no diagnostic at all: warnings count as failures.</summary>
public sealed class BicepTemplateTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repository.BicepFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void The_templates_exist()
    {
        var files = Repository.BicepFiles();

        Assert.Contains("main.bicep", files);
        Assert.Contains(files, file => file.StartsWith("modules/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Builds_without_diagnostics(string file)
    {
        var result = BicepRuns.Build;

        Assert.Empty(result.DiagnosticsFor(file));
        var template = BicepRuns.TemplatePath(file);
        Assert.True(File.Exists(template), $"bicep build wrote no template for {file} (exit code {result.ExitCode}):\n{result.StandardError}");
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(template))!["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_diagnostics(string file) => Assert.Empty(BicepRuns.Lint.DiagnosticsFor(file));

    /// <summary>Besides the per-file diagnostics above: both runs succeed and print nothing else (no warning without a file).</summary>
    [Fact]
    public void Build_and_lint_of_all_files_exit_cleanly()
    {
        foreach (var (command, result) in new[] { ("build", BicepRuns.Build), ("lint", BicepRuns.Lint) })
        {
            Assert.True(result.ExitCode == 0, $"bicep {command} exited with {result.ExitCode}:\n{result.StandardError}");
            Assert.True(string.IsNullOrWhiteSpace(result.StandardError), $"bicep {command}:\n{result.StandardError}");
            Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput), $"bicep {command}:\n{result.StandardOutput}");
        }
    }

    /// <summary>
    /// Guards the guard: bicepconfig.json must make the linter fail. A rule left at its default level would only
    /// warn, and `bicep lint` exits 0 on warnings.
    /// </summary>
    [Fact]
    public void Linter_rules_are_errors_except_the_two_that_cannot_run_offline()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(Repository.BicepDirectory, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.NotEqual(false, core["enabled"]?.GetValue<bool>());
        Assert.True(rules.Count >= 30, $"only {rules.Count} linter rules configured");
        var notErrors = rules
            .Where(rule => rule.Value!["level"]!.GetValue<string>() != "error")
            .Select(rule => rule.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["use-recent-api-versions", "use-recent-module-versions"], notErrors);
    }

    [Fact]
    public void A_lint_finding_fails_the_lint()
    {
        var directory = Directory.CreateTempSubdirectory("infocus-lint-probe-");
        try
        {
            var probe = Path.Combine(directory.FullName, "probe.bicep");
            File.WriteAllText(probe, "param unusedParameter string\n");

            var result = BicepCli.Run(
                "lint", probe, "--no-restore", "--config", Path.Combine(Repository.BicepDirectory, "bicepconfig.json"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.Diagnostics, d => d.Code == "no-unused-params" && d.Level == "Error");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_CLI_is_the_pinned_version()
    {
        var result = BicepCli.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", result.StandardOutput, StringComparison.Ordinal);

        var centralVersion = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64")
            .Attribute("Version")!.Value;
        var download = XDocument.Load(Path.Combine(Repository.Root, "tests", "InFocus.Infrastructure.Tests", "InFocus.Infrastructure.Tests.csproj"))
            .Descendants("PackageDownload")
            .Single(e => (string?)e.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64")
            .Attribute("Version")!.Value;
        Assert.Equal(BicepCli.Version, centralVersion);
        Assert.Equal($"[{BicepCli.Version}]", download);
    }
}
