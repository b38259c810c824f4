using System.Text.Json.Nodes;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>
/// The build of InFocus.Functions writes a functions.metadata listing every function with its trigger, which is what
/// Azure, <c>func start</c> and the development host all serve.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string[] TriggerProperties = ["authLevel", "methods", "route", "schedule", "runOnStartup", "queueName", "connection"];

    [Fact]
    public void The_build_output_lists_every_function_of_the_app_with_its_bindings()
    {
        var expected = FunctionEntries.FunctionsIn(typeof(FunctionsServiceCollectionExtensions).Assembly).Select(FunctionEntries.For);
        var actual = JsonNode.Parse(File.ReadAllText(FunctionAppMetadata.BuildOutputPath))!.AsArray().Select(f => f!.AsObject());

        Assert.Equal(expected.Select(Describe).Order(), actual.Select(Describe).Order());
    }

    /// <summary>The members the hosts read, one readable line per function, absent properties at their defaults.</summary>
    private static string Describe(JsonObject function)
    {
        var bindings = function["bindings"]!.AsArray().Select(b => b!.AsObject()).Select(binding =>
        {
            var properties = TriggerProperties
                .Select(name => (name, value: binding[name]))
                .Where(p => p.value is not null && !(p.value is JsonValue v && v.TryGetValue<bool>(out var flag) && !flag))
                .Select(p => $"{p.name}={p.value!.ToJsonString()}");
            return $"{binding["type"]} {binding["direction"]} {binding["name"]} {string.Join(' ', properties)}".TrimEnd();
        });
        return $"{function["name"]} = {function["scriptFile"]}:{function["entryPoint"]} [{string.Join("; ", bindings)}]";
    }
}
