using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The azd hooks on a clean machine, against fakes of az, azd and curl: who is deploying, and how the machine gets
/// to the data plane and away from it again. (Their SQL runs against PostgreSQL in <see cref="DatabaseRoleScriptTests"/>.)
/// </summary>
public sealed class ProvisioningHookTests
{
    private const string UserObjectId = "00000000-0000-0000-0000-00000000d001";
    private const string ServicePrincipalObjectId = "00000000-0000-0000-0000-00000000c001";

    /// <summary>A person (az login) is a User named by their UPN; a service principal or federated CI identity
    /// (az login --service-principal) a ServicePrincipal named by its display name, even where azd assumed User.</summary>
    [Theory]
    [InlineData("user", "", UserObjectId, "ada@contoso.example", "User")]
    [InlineData("servicePrincipal", "11111111-2222-3333-4444-555555555555", ServicePrincipalObjectId, "infocus-ci", "ServicePrincipal")]
    public async Task The_deploying_principal_is_described_by_its_type_and_name(
        string accountType, string clientId, string objectId, string name, string expectedType)
    {
        var run = await HookRun.RunAsync("preprovision", new Dictionary<string, string>
        {
            ["AZURE_PRINCIPAL_ID"] = objectId,
            ["AZURE_PRINCIPAL_TYPE"] = "User",
            ["FAKE_ACCOUNT_TYPE"] = accountType,
            ["FAKE_CLIENT_ID"] = clientId,
            ["FAKE_OBJECT_ID"] = objectId,
            ["FAKE_NAME"] = name,
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        // azd's environment said User: only a different type is written.
        var expected = expectedType == "User" ? new List<string>() : [$"azd env set AZURE_PRINCIPAL_TYPE {expectedType}"];
        expected.Add($"azd env set POSTGRES_ADMIN_PRINCIPAL_NAME {name}");
        Assert.Equal(expected, run.CallsStartingWith("azd "));
    }

    [Fact]
    public async Task A_name_set_by_hand_is_kept_and_a_correct_type_is_not_rewritten()
    {
        var run = await HookRun.RunAsync("preprovision", new Dictionary<string, string>
        {
            ["AZURE_PRINCIPAL_ID"] = UserObjectId,
            ["AZURE_PRINCIPAL_TYPE"] = "User",
            ["POSTGRES_ADMIN_PRINCIPAL_NAME"] = "infocus-admins",
            ["FAKE_OBJECT_ID"] = UserObjectId,
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.CallsStartingWith("azd "));
        Assert.Contains("PostgreSQL Entra administrator: infocus-admins", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hooks_refuse_to_act_as_another_principal_than_azd()
    {
        var run = await HookRun.RunAsync("preprovision", new Dictionary<string, string>
        {
            ["AZURE_PRINCIPAL_ID"] = ServicePrincipalObjectId,
            ["FAKE_OBJECT_ID"] = UserObjectId,
        });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("the hooks would act as someone else", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.CallsStartingWith("azd "));
    }

    [Fact]
    public async Task An_IPv6_only_machine_is_told_what_to_do_and_nothing_is_opened()
    {
        var run = await HookRun.RunAsync("predeploy", DeployEnvironment(new()
        {
            ["FAKE_PUBLIC_IPV4"] = "",
            ["FAKE_PUBLIC_IPV6"] = "2001:db8::7",
        }));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("IPv6 only", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("INFOCUS_DATA_PLANE_ACCESS=direct", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.CallsStartingWith("az postgres", "az keyvault", "psql"));
    }

    [Fact]
    public async Task An_address_given_by_hand_is_used_without_asking_the_internet()
    {
        var run = await HookRun.RunAsync("predeploy", DeployEnvironment(new() { ["DEPLOYER_IP_ADDRESS"] = "198.51.100.23" }));

        Assert.Empty(run.CallsStartingWith("curl "));
        Assert.Contains("--start-ip-address 198.51.100.23 --end-ip-address 198.51.100.23", Assert.Single(run.CallsStartingWith("az postgres flexible-server firewall-rule create")), StringComparison.Ordinal);
    }

    /// <summary>The database is unreachable (nothing listens on the port): the hook fails, and still closes what it opened.</summary>
    [Fact]
    public async Task A_failing_hook_still_closes_the_data_plane_again()
    {
        var run = await HookRun.RunAsync("predeploy", DeployEnvironment([]));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(
            [
                "az postgres flexible-server update --resource-group rg-infocus-test --name psql-infocus-test --public-access Enabled --output none",
                "psql infocus",
                "az postgres flexible-server update --resource-group rg-infocus-test --name psql-infocus-test --public-access Disabled --output none",
            ],
            run.CallsStartingWith("az postgres flexible-server update", "psql"));
        Assert.Single(run.CallsStartingWith("az postgres flexible-server firewall-rule delete"));
    }

    [Fact]
    public async Task A_runner_inside_the_virtual_network_changes_no_firewall()
    {
        var run = await HookRun.RunAsync("predeploy", DeployEnvironment(new() { ["INFOCUS_DATA_PLANE_ACCESS"] = "direct" }));

        Assert.Equal(["psql infocus"], run.CallsStartingWith("az postgres", "az keyvault", "curl", "psql"));
    }

    [Fact]
    public async Task The_rotation_runbook_admits_the_machine_to_a_private_vault_while_it_stages_a_key()
    {
        var run = await HookRun.RunAsync("rotate-jwt-signing-key", new Dictionary<string, string>
        {
            ["AZURE_KEY_VAULT_NAME"] = "kv-infocus-test",
            ["AZURE_RESOURCE_GROUP"] = "rg-infocus-test",
            ["SERVICE_API_NAME"] = "func-infocus-test",
            ["SERVICE_API_RESOURCE_ID"] = "/subscriptions/0/resourceGroups/rg-infocus-test/providers/Microsoft.Web/sites/func-infocus-test",
            ["POSTGRES_NETWORK_MODE"] = "Private",
        }, arguments: "stage");

        Assert.True(run.ExitCode == 0, run.ToString());
        var vaultCalls = run.CallsStartingWith("az keyvault network-rule", "az keyvault secret set");
        Assert.Equal(3, vaultCalls.Count);
        Assert.StartsWith("az keyvault network-rule add --name kv-infocus-test --resource-group rg-infocus-test --ip-address 203.0.113.7/32", vaultCalls[0], StringComparison.Ordinal);
        Assert.Contains("--name jwt-previous-signing-keys", vaultCalls[1], StringComparison.Ordinal);
        Assert.Contains("rotation=staged", vaultCalls[1], StringComparison.Ordinal);
        Assert.StartsWith("az keyvault network-rule remove --name kv-infocus-test --resource-group rg-infocus-test --ip-address 203.0.113.7/32", vaultCalls[2], StringComparison.Ordinal);
    }

    /// <summary>predeploy's environment, pointing at a port where no server listens.</summary>
    private static Dictionary<string, string> DeployEnvironment(Dictionary<string, string> overrides)
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURE_RESOURCE_GROUP"] = "rg-infocus-test",
            ["POSTGRES_SERVER_NAME"] = "psql-infocus-test",
            ["POSTGRES_HOST"] = "127.0.0.1",
            ["POSTGRES_PORT"] = LoopbackPortNobodyListensOn(),
            ["POSTGRES_DATABASE"] = "infocus",
            ["POSTGRES_ADMIN_PRINCIPAL_NAME"] = "deployer@example.com",
            ["POSTGRES_NETWORK_MODE"] = "Private",
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string LoopbackPortNobodyListensOn() =>
        InFocus.TestKit.LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
