using System.Text.Json.Nodes;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The storage account holds the queue the app writes to and the queue trigger reads (app setting
/// <c>InvitationEmailQueue</c>), and the poison queue the Functions host moves failed messages to (its name plus
/// <c>-poison</c>): one name, passed from main.bicep to the storage module and from its output to the app setting.
/// </summary>
public sealed class InvitationQueueTests
{
    [Fact]
    public void The_queue_and_its_poison_queue_are_the_ones_the_app_setting_names()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.LocalSettingsSample))!["Values"]!["InvitationEmailQueue"]!.GetValue<string>();
        var storage = CompiledTemplate.Module("storage");
        var functionApp = CompiledTemplate.Module("functionapp");

        Assert.Equal(sample, CompiledTemplate.Main["variables"]!["invitationEmailQueueName"]!.GetValue<string>());
        Assert.Equal("[variables('invitationEmailQueueName')]", Parameter(storage, "invitationEmailQueueName"));
        Assert.Equal("[reference('storage').outputs.invitationEmailQueueName.value]", Parameter(functionApp, "invitationEmailQueueName"));
        Assert.Equal(
            [
                "[format('{0}/{1}/{2}', parameters('name'), 'default', format('{0}-poison', parameters('invitationEmailQueueName')))]",
                "[format('{0}/{1}/{2}', parameters('name'), 'default', parameters('invitationEmailQueueName'))]",
            ],
            Resources(storage, "Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q["name"]!.ToString())
                .Where(n => n.Contains("invitationEmailQueueName", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var settings = Assert.Single(Resources(functionApp, "Microsoft.Web/sites/config"))["properties"]!;
        Assert.Equal("[parameters('invitationEmailQueueName')]", settings["InvitationEmailQueue"]!.ToString());
    }

    [Fact]
    public void The_import_queue_its_poison_queue_and_the_import_container_are_the_ones_the_app_settings_name()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.LocalSettingsSample))!["Values"]!;
        var storage = CompiledTemplate.Module("storage");
        var functionApp = CompiledTemplate.Module("functionapp");

        Assert.Equal(sample["ImportQueue"]!.GetValue<string>(), CompiledTemplate.Main["variables"]!["importQueueName"]!.GetValue<string>());
        Assert.Equal(sample["Imports__Container"]!.GetValue<string>(), CompiledTemplate.Main["variables"]!["importContainerName"]!.GetValue<string>());
        Assert.Equal("[reference('storage').outputs.importQueueName.value]", Parameter(functionApp, "importQueueName"));
        Assert.Equal(
            [
                "[format('{0}/{1}/{2}', parameters('name'), 'default', format('{0}-poison', parameters('importQueueName')))]",
                "[format('{0}/{1}/{2}', parameters('name'), 'default', parameters('importQueueName'))]",
            ],
            Resources(storage, "Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q["name"]!.ToString())
                .Where(n => n.Contains("importQueueName", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var settings = Assert.Single(Resources(functionApp, "Microsoft.Web/sites/config"))["properties"]!;
        Assert.Equal("[parameters('importQueueName')]", settings["ImportQueue"]!.ToString());
        Assert.Equal("[parameters('importContainerName')]", settings["Imports__Container"]!.ToString());
    }

    private static string Parameter(JsonObject module, string name) => module["properties"]!["parameters"]![name]!["value"]!.ToString();

    /// <summary>The resources a module's template declares (Bicep writes them as an object or an array).</summary>
    private static IEnumerable<JsonObject> Resources(JsonObject module, string type)
    {
        var resources = module["properties"]!["template"]!["resources"]!;
        var all = resources is JsonObject byName ? byName.Select(r => r.Value!.AsObject()) : resources.AsArray().Select(r => r!.AsObject());
        return all.Where(r => r["type"]!.ToString() == type);
    }
}
