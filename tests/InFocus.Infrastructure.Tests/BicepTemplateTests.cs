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
        var result = BicepCli.Build(file);

        Assert.True(result.ExitCode == 0, $"bicep build {file} exited with {result.ExitCode}:\n{result.StandardError}");
        Assert.Empty(result.Diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), result.StandardError);
        var template = JsonNode.Parse(result.StandardOutput)!;
        Assert.NotNull(template["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_diagnostics(string file)
    {
        var result = BicepCli.Lint(file);

        Assert.True(result.ExitCode == 0, $"bicep lint {file} exited with {result.ExitCode}:\n{result.StandardError}");
        Assert.Empty(result.Diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), result.StandardError);
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
