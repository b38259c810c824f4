using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Describes <c>[Function]</c> methods as <c>functions.metadata</c> entries, writing the members the worker SDK writes
/// for the triggers InFocus uses. The metadata test checks the SDK's own output against it for every function of the
/// app; tests use it to list probe functions in a copy of the metadata.
/// </summary>
public static class FunctionEntries
{
    public static IEnumerable<MethodInfo> FunctionsIn(Assembly assembly) => assembly.GetTypes().SelectMany(FunctionsOf);

    public static IEnumerable<MethodInfo> FunctionsOf(Type type) =>
        type.GetMethods().Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

    public static JsonObject For(MethodInfo method)
    {
        var bindings = new JsonArray();
        foreach (var parameter in method.GetParameters())
        {
            if (TriggerOf(parameter) is { } trigger)
            {
                bindings.Add(trigger);
            }
        }

        if (method.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
        {
            bindings.Add(new JsonObject { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" });
        }

        return new JsonObject
        {
            ["name"] = method.GetCustomAttribute<FunctionAttribute>()!.Name,
            ["scriptFile"] = method.DeclaringType!.Assembly.GetName().Name + ".dll",
            ["entryPoint"] = $"{method.DeclaringType.FullName}.{method.Name}",
            ["language"] = "dotnet-isolated",
            ["properties"] = new JsonObject { ["IsCodeless"] = false },
            ["bindings"] = bindings,
        };
    }

    private static JsonObject? TriggerOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
        {
            var methods = new JsonArray((http.Methods ?? []).Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            return Trigger(parameter, "httpTrigger", new() { ["authLevel"] = http.AuthLevel.ToString(), ["methods"] = methods, ["route"] = http.Route });
        }

        if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
        {
            return Trigger(parameter, "timerTrigger", new() { ["schedule"] = timer.Schedule, ["runOnStartup"] = timer.RunOnStartup });
        }

        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
        {
            return Trigger(parameter, "queueTrigger", new() { ["queueName"] = queue.QueueName, ["connection"] = queue.Connection, ["dataType"] = "String" });
        }

        return null;
    }

    private static JsonObject Trigger(ParameterInfo parameter, string type, Dictionary<string, JsonNode?> properties)
    {
        var binding = new JsonObject { ["name"] = parameter.Name, ["direction"] = "In", ["type"] = type };
        foreach (var (key, value) in properties.Where(p => p.Value is not null))
        {
            binding[key] = value;
        }

        binding["properties"] = new JsonObject();
        return binding;
    }
}
