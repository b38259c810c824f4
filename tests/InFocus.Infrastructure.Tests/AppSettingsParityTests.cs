using System.Text.Json.Nodes;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The app settings Bicep gives the function app and the settings the code reads (local.settings.sample.json
/// "Values", the source of truth) are the same set, so a new setting cannot ship without its infrastructure.
/// </summary>
public sealed class AppSettingsParityTests
{
    /// <summary>Settings that exist only on a developer machine. Keep this list short; every entry says why.</summary>
    private static readonly Dictionary<string, string> _localOnly = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this setting.",
        ["Email__Smtp__Host"] = "SMTP (smtp4dev/Mailpit) is the local email provider; Azure uses Communication Services.",
        ["Email__Smtp__Port"] = "SMTP (smtp4dev/Mailpit) is the local email provider; Azure uses Communication Services.",
    };

    /// <summary>Settings that exist only in Azure. Keep this list short; every entry says why.</summary>
    private static readonly Dictionary<string, string> _azureOnly = new(StringComparer.Ordinal)
    {
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Pins Production in Azure; the development host runs as Development without the setting.",
        ["AZURE_CLIENT_ID"] = "Names the app's user-assigned identity to Azure.Identity; locally the developer's own credential is used.",
    };

    /// <summary>
    /// Locally AzureWebJobsStorage is a connection string (Azurite); in Azure it is the identity-based form
    /// AzureWebJobsStorage__accountName (the code also accepts __queueServiceUri). Both are the same setting.
    /// </summary>
    private static string Normalize(string azureName) =>
        azureName.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal) ? "AzureWebJobsStorage" : azureName;

    [Fact]
    public void Bicep_sets_exactly_the_settings_the_code_reads()
    {
        var local = LocalSettingNames().Except(_localOnly.Keys).ToHashSet(StringComparer.Ordinal);
        var azure = AzureSettings().Keys.Select(Normalize).Except(_azureOnly.Keys).ToHashSet(StringComparer.Ordinal);

        var missingInBicep = local.Except(azure).Order(StringComparer.Ordinal).ToList();
        var unknownToCode = azure.Except(local).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            missingInBicep.Count == 0,
            "Settings in local.settings.sample.json that infra/bicep/modules/functionapp.bicep does not set: "
            + string.Join(", ", missingInBicep));
        Assert.True(
            unknownToCode.Count == 0,
            "Settings infra/bicep sets that local.settings.sample.json does not have: " + string.Join(", ", unknownToCode));
    }

    [Fact]
    public void The_exceptions_are_still_needed()
    {
        var local = LocalSettingNames();
        var azure = AzureSettings().Keys.ToHashSet(StringComparer.Ordinal);

        foreach (var name in _localOnly.Keys)
        {
            Assert.Contains(name, local);
            Assert.DoesNotContain(name, azure);
        }

        foreach (var name in _azureOnly.Keys)
        {
            Assert.Contains(name, azure);
            Assert.DoesNotContain(name, local);
        }
    }

    [Fact]
    public void The_app_runs_as_Production_in_Azure() =>
        Assert.Equal("Production", AzureSettings()["AZURE_FUNCTIONS_ENVIRONMENT"]);

    [Fact]
    public void Passwords_are_hashed_with_a_production_work_factor()
    {
        var azure = AzureSettings();

        Assert.Equal("false", azure["Auth__AllowWeakBcryptWorkFactorForTests"]);
        Assert.Equal("[string(parameters('bcryptWorkFactor'))]", azure["Auth__BcryptWorkFactor"]);
        Assert.Equal(12, CompiledTemplate.Module("functionapp")["properties"]!["parameters"]!["bcryptWorkFactor"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public void Storage_is_reached_by_identity_not_by_connection_string()
    {
        var azure = AzureSettings();

        Assert.Contains("AzureWebJobsStorage__accountName", azure.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", azure.Keys);
    }

    [Theory]
    [InlineData("Jwt__SigningKey")]
    [InlineData("Tmdb__ReadAccessToken")]
    public void Secrets_are_Key_Vault_references(string name)
    {
        var value = AzureSettings()[name];

        Assert.Contains("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jwt__PreviousSigningKeys")]
    [InlineData("Tmdb__ApiKey")]
    public void Optional_secrets_are_empty_or_Key_Vault_references(string name)
    {
        var value = AzureSettings()[name];

        Assert.True(
            value.Length == 0 || value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal),
            $"{name} = {value}");
    }

    [Fact]
    public void Communication_Services_is_reached_by_identity()
    {
        var azure = AzureSettings();

        Assert.Equal(string.Empty, azure["Email__Acs__AccessKey"]);
        Assert.Equal("AzureCommunicationServices", azure["Email__Provider"]);
    }

    [Fact]
    public void The_database_is_reached_with_Entra_authentication_and_verified_TLS()
    {
        var azure = AzureSettings();

        Assert.Equal("true", azure["Database__UseEntraAuthentication"]);
        var connectionString = azure["Database__ConnectionString"];
        Assert.Contains("Ssl Mode=VerifyFull", connectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", connectionString, StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> LocalSettingNames()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.LocalSettingsSample))!;
        return sample["Values"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Names and (template expression) values of the function app's app settings in the compiled main.bicep.</summary>
    private static Dictionary<string, string> AzureSettings()
    {
        var appSettings = CompiledTemplate.ResourcesOfType("Microsoft.Web/sites/config")
            .Where(resource => resource["name"]?.ToString().Contains("appsettings", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        var resource = Assert.Single(appSettings);
        var properties = resource["properties"]!.AsObject();
        return properties.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
    }
}
