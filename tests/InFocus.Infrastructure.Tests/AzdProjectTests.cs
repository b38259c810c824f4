using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>The pieces azd needs fit together: parameters file, hooks, service tags.</summary>
public sealed partial class AzdProjectTests
{
    [Fact]
    public void The_parameters_file_provides_every_required_parameter_and_nothing_unknown()
    {
        var parameters = CompiledTemplate.Main["parameters"]!.AsObject();
        var required = parameters
            .Where(p => p.Value!["defaultValue"] is null)
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
        var mapped = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.BicepDirectory, "main.parameters.json")))!
            ["parameters"]!.AsObject()
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(required.Except(mapped));
        Assert.Empty(mapped.Except(parameters.Select(p => p.Key)));
    }

    [Fact]
    public void The_hooks_in_azure_yaml_exist()
    {
        var azureYaml = File.ReadAllText(Path.Combine(Repository.Root, "azure.yaml"));
        var scripts = RunLine().Matches(azureYaml).Select(m => m.Groups["path"].Value).ToList();

        Assert.Equal(3, scripts.Count);
        foreach (var script in scripts)
        {
            Assert.True(File.Exists(Path.Combine(Repository.Root, script)), $"{script} does not exist");
        }

        Assert.Contains("path: infra/bicep", azureYaml, StringComparison.Ordinal);
        Assert.Contains("project: ./InFocus.Functions", azureYaml, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Repository.Root, "InFocus.Functions")));
    }

    [Fact]
    public void The_function_app_carries_the_azd_service_tag()
    {
        var site = Assert.Single(CompiledTemplate.ResourcesOfType("Microsoft.Web/sites"));

        Assert.Contains("'azd-service-name', 'api'", site["tags"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("functionapp,linux", site["kind"]!.ToString());
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", runtime["name"]!.ToString());
        Assert.Equal("10.0", runtime["version"]!.ToString());
    }

    [GeneratedRegex(@"^\s*run:\s*(?<path>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
