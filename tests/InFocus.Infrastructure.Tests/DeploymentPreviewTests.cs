using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// What a first <c>azd up</c> would deploy, worked out offline from the compiled main.bicep with azd's parameters:
/// names within Azure's limits, the connection budget, the private data plane, identities, roles and logs. What can
/// only be seen in a real subscription is listed in docs/deployment.md.
/// </summary>
public sealed partial class DeploymentPreviewTests
{
    /// <summary>The longest environment name main.bicep accepts, which makes the longest resource names.</summary>
    private static readonly Dictionary<string, object> LongestEnvironment = new()
    {
        ["environmentName"] = new string('e', 40),
        ["location"] = "swedencentral",
        ["principalId"] = "00000000-0000-0000-0000-00000000d001",
        ["principalName"] = "deployer@example.com",
    };

    /// <summary>module, parameter, Azure's naming rule for that resource type.</summary>
    public static TheoryData<string, string, string> Names() => new()
    {
        { "monitoring", "logAnalyticsName", "^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$" },
        { "monitoring", "applicationInsightsName", "^[^%&\\\\?/]{1,255}$" },
        { "storage", "name", "^[a-z0-9]{3,24}$" },
        { "keyvault", "name", "^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$" },
        { "network", "name", "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$" },
        { "postgres", "name", "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$" },
        { "communication", "communicationServiceName", "^[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$" },
        { "communication", "emailServiceName", "^[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$" },
        { "identity", "name", "^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$" },
        { "functionapp", "planName", "^[A-Za-z0-9-]{1,60}$" },
        { "functionapp", "functionAppName", "^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_name_fits_Azure_naming_rules_for_the_longest_environment_name(string module, string parameter, string rule)
    {
        var name = (string)Deployment(LongestEnvironment).Value(ModuleParameter(module, parameter));

        Assert.Matches(rule, name);
        Assert.Contains(ArmExpression.UniqueStringStandIn[..13], name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resource_group_and_private_endpoint_names_fit_too()
    {
        var resourceGroup = (string)Deployment(LongestEnvironment).Value(CompiledTemplate.Main["resources"]!["rg"]!["name"]!);
        var endpoint = CompiledTemplate.Main["resources"]!["privateEndpoint"]!;
        var count = (long)Deployment(LongestEnvironment).Evaluate(endpoint["copy"]!["count"]!.GetValue<string>());

        Assert.Matches("^[-\\w._()]{1,89}[-\\w_()]$", resourceGroup);
        for (var i = 0L; i < count; i++)
        {
            var name = (string)ArmExpression.For(CompiledTemplate.Main.AsObject(), LongestEnvironment, i).Value(endpoint["properties"]!["parameters"]!["name"]!["value"]!);
            Assert.Matches("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$", name);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(15)]
    public void The_pools_of_all_instances_together_leave_the_reserved_connections_free(long instances)
    {
        var main = Deployment(new(LongestEnvironment) { ["functionMaximumInstanceCount"] = instances });

        var pool = (long)main.Value(ModuleParameter("functionapp", "databaseMaxPoolSize"));
        var maxConnections = (long)main.Evaluate("[parameters('postgresMaxConnections')]");
        var reserved = (long)main.Evaluate("[parameters('postgresReservedConnections')]");

        Assert.InRange(pool * instances, 1, maxConnections - reserved);
        Assert.True(pool >= MinimumPoolSize(), $"pool {pool}");
        Assert.Contains("Maximum Pool Size={", AppSetting("Database__ConnectionString"), StringComparison.Ordinal);
        Assert.Contains("parameters('databaseMaxPoolSize')", AppSetting("Database__ConnectionString"), StringComparison.Ordinal);
    }

    /// <summary>Too many instances for the server: the module's minimum refuses the deployment before anything changes.</summary>
    [Fact]
    public void Too_many_instances_for_the_server_are_refused()
    {
        var main = Deployment(new(LongestEnvironment) { ["functionMaximumInstanceCount"] = 40L });

        Assert.True((long)main.Value(ModuleParameter("functionapp", "databaseMaxPoolSize")) < MinimumPoolSize());
        Assert.Equal(2, MinimumPoolSize());
    }

    [Fact]
    public void The_data_plane_is_private_by_default_and_in_azds_parameters()
    {
        var mapped = AzdParameters()["networkMode"];

        Assert.Equal("Private", Deployment(LongestEnvironment).Evaluate("[parameters('networkMode')]"));
        Assert.Equal("${INFOCUS_NETWORK_MODE=Private}", mapped);
    }

    [Theory]
    [InlineData("Private", "Disabled", "Deny", "Deny", "Disabled", 5)]
    [InlineData("Public", "Enabled", "Allow", "Allow", "Enabled", 0)]
    public void The_network_mode_closes_or_opens_the_data_plane(
        string mode, string storageAccess, string storageDefault, string vaultDefault, string postgresAccess, long privateEndpoints)
    {
        var main = Deployment(new(LongestEnvironment) { ["networkMode"] = mode });

        var storage = ModuleResource(main, "storage", "Microsoft.Storage/storageAccounts");
        var vault = ModuleResource(main, "keyvault", "Microsoft.KeyVault/vaults");
        var postgres = ModuleResource(main, "postgres", "Microsoft.DBforPostgreSQL/flexibleServers");

        Assert.Equal(storageAccess, storage.Value(storage.Node["properties"]!["publicNetworkAccess"]!));
        Assert.Equal(storageDefault, storage.Value(storage.Node["properties"]!["networkAcls"]!["defaultAction"]!));
        Assert.Equal(vaultDefault, vault.Value(vault.Node["properties"]!["networkAcls"]!["defaultAction"]!));
        Assert.Equal(postgresAccess, postgres.Value(postgres.Node["properties"]!["network"]!["publicNetworkAccess"]!));
        Assert.Equal(privateEndpoints, main.Evaluate(CompiledTemplate.Main["resources"]!["privateEndpoint"]!["copy"]!["count"]!.GetValue<string>()));
        Assert.Equal(
            ["blob", "postgresqlServer", "queue", "table", "vault"],
            ((JsonArray)main.Evaluate("[variables('privateEndpoints')]")).Select(e => e!["groupId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_parameter_resolves_from_values_azd_or_the_preprovision_hook_set()
    {
        var setByAzd = new[] { "AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID" };
        var preprovision = File.ReadAllText(Path.Combine(Repository.Root, "infra", "scripts", "preprovision.sh"));
        var parameters = CompiledTemplate.Main["parameters"]!.AsObject();

        foreach (var (parameter, mapping) in AzdParameters())
        {
            var match = AzdVariable().Match(mapping);
            Assert.True(match.Success, $"{parameter}: {mapping}");
            var variable = match.Groups["name"].Value;
            if (!match.Groups["default"].Success)
            {
                Assert.True(
                    setByAzd.Contains(variable) || preprovision.Contains($"azd env set {variable} ", StringComparison.Ordinal),
                    $"{parameter} needs {variable}, which neither azd nor the preprovision hook sets");
                continue;
            }

            var fallback = match.Groups["default"].Value;
            var definition = parameters[parameter]!;
            if (definition["allowedValues"] is JsonArray allowed)
            {
                Assert.Contains(fallback, allowed.Select(v => v!.ToString()));
            }

            if (definition["type"]!.GetValue<string>() == "bool")
            {
                Assert.Contains(fallback, new[] { "true", "false" });
            }
        }
    }

    [Fact]
    public void Every_value_a_hook_requires_is_an_output_of_the_deployment()
    {
        var outputs = CompiledTemplate.Main["outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var required = Directory.GetFiles(Path.Combine(Repository.Root, "infra", "scripts"), "*.sh")
            .SelectMany(script => RequireEnv().Matches(File.ReadAllText(script)))
            .SelectMany(match => match.Groups["names"].Value.Split([' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(required);
        Assert.Empty(required.Except(outputs));
    }

    [Fact]
    public void Every_role_assignment_is_named_after_its_principal()
    {
        foreach (var assignment in CompiledTemplate.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
        {
            var principal = assignment["properties"]!["principalId"]!.GetValue<string>().Trim('[', ']');
            Assert.Contains(principal, assignment["name"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_app_runs_as_its_user_assigned_identity_whose_roles_exist_before_the_app()
    {
        var site = Assert.Single(CompiledTemplate.ResourcesOfType("Microsoft.Web/sites"));
        var dependsOn = CompiledTemplate.Main["resources"]!["functionApp"]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>());

        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.Contains("appAccess", dependsOn);
        Assert.DoesNotContain(CompiledTemplate.ResourcesOfType("Microsoft.Web/sites"), s => s.ToJsonString().Contains("SystemAssigned", StringComparison.Ordinal));
        Assert.Contains("parameters('identityClientId')", AppSetting("AZURE_CLIENT_ID"), StringComparison.Ordinal);
        Assert.Equal("managedidentity", AppSetting("AzureWebJobsStorage__credential"));
    }

    [Fact]
    public void Application_Insights_takes_Entra_authenticated_telemetry_only()
    {
        var component = Assert.Single(CompiledTemplate.ResourcesOfType("Microsoft.Insights/components"), c => c["existing"] is null);

        Assert.True(component["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Contains("Authorization=AAD", AppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), StringComparison.Ordinal);
        Assert.Contains(
            CompiledTemplate.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            a => a["scope"]!.GetValue<string>().Contains("Microsoft.Insights/components", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_has_blob_rights_on_its_containers_only()
    {
        var blobScopes = CompiledTemplate.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.ToJsonString().Contains("storageBlobData", StringComparison.Ordinal))
            .Select(a => a["scope"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(blobScopes);
        Assert.All(blobScopes, scope => Assert.Contains("blobServices/containers", scope, StringComparison.Ordinal));
    }

    [Fact]
    public void Key_Vault_Storage_PostgreSQL_and_the_function_app_log_to_Log_Analytics()
    {
        var scopes = CompiledTemplate.ResourcesOfType("Microsoft.Insights/diagnosticSettings")
            .Select(d => DiagnosedType().Match(d["scope"]!.GetValue<string>()).Groups["type"].Value)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Microsoft.DBforPostgreSQL/flexibleServers",
                "Microsoft.KeyVault/vaults",
                "Microsoft.Storage/storageAccounts/blobServices",
                "Microsoft.Storage/storageAccounts/queueServices",
                "Microsoft.Web/sites",
            ],
            scopes);
        Assert.All(
            CompiledTemplate.ResourcesOfType("Microsoft.Insights/diagnosticSettings"),
            d => Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", d["properties"]!["workspaceId"]!.GetValue<string>()));
    }

    private static ArmExpression Deployment(Dictionary<string, object> values) => ArmExpression.For(CompiledTemplate.Main.AsObject(), values);

    private static JsonNode ModuleParameter(string module, string parameter) =>
        CompiledTemplate.Module(module)["properties"]!["parameters"]![parameter]!["value"]!;

    /// <summary>A resource of a module, with an evaluator for its template given what main passes the module.</summary>
    private static ModuleResourceView ModuleResource(ArmExpression main, string module, string type)
    {
        var deployment = CompiledTemplate.Module(module)["properties"]!;
        var values = new Dictionary<string, object>();
        foreach (var (name, parameter) in deployment["parameters"]!.AsObject())
        {
            try
            {
                values[name] = main.Value(parameter!["value"]!);
            }
            catch (NotSupportedException)
            {
                // Known only during the deployment (another module's output); not needed offline.
            }
        }

        var template = deployment["template"]!.AsObject();
        var resources = template["resources"] is JsonObject byName ? byName.Select(r => r.Value!.AsObject()) : template["resources"]!.AsArray().Select(r => r!.AsObject());
        return new ModuleResourceView(resources.Single(r => r["type"]!.GetValue<string>() == type), ArmExpression.For(template, values));
    }

    private static long MinimumPoolSize() =>
        CompiledTemplate.Module("functionapp")["properties"]!["template"]!["parameters"]!["databaseMaxPoolSize"]!["minValue"]!.GetValue<long>();

    private static string AppSetting(string name) =>
        CompiledTemplate.ResourcesOfType("Microsoft.Web/sites/config").Single()["properties"]![name]!.GetValue<string>();

    private static Dictionary<string, string> AzdParameters() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.BicepDirectory, "main.parameters.json")))!["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!["value"]!.GetValue<string>(), StringComparer.Ordinal);

    private sealed record ModuleResourceView(JsonObject Node, ArmExpression Evaluator)
    {
        public object Value(JsonNode node) => Evaluator.Value(node);
    }

    [GeneratedRegex(@"^\$\{(?<name>[A-Z_]+)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdVariable();

    [GeneratedRegex(@"^require_env (?<names>([A-Z_ ]|\\\n)+)", RegexOptions.Multiline)]
    private static partial Regex RequireEnv();

    [GeneratedRegex(@"resourceId\('(?<type>[^']+)'")]
    private static partial Regex DiagnosedType();
}
