using System.Text.Json.Nodes;
using InFocus.DevHost;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Host.Probes;
using InFocus.Functions;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>What the host cannot serve faithfully stops it from starting, with a message naming function and cause.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("IntParameter", "parameter 'count' of type Int32 cannot be bound")]
    [InlineData("StringNotInRoute", "parameter 'name' of type String cannot be bound")]
    [InlineData("TimerReturningAValue", "return type Task`1 is not supported")]
    [InlineData("HttpWithoutActionResult", "return type String is not supported")]
    [InlineData("FiveFieldSchedule", "schedule '0 3 * * *' is not a six-field NCRONTAB expression")]
    [InlineData("UnsetQueueSetting", "'%NoSuchSetting%' does not resolve")]
    public void An_unsupported_function_fails_the_start_naming_the_function_and_the_cause(string function, string cause)
    {
        var method = typeof(UnsupportedFunctions).GetMethod(function)!;

        var error = BuildFails(FunctionAppMetadata.Empty().With(FunctionEntries.For(method)));

        Assert.Equal($"Function '{function}': {cause}", Assert.Single(error.Errors)[..($"Function '{function}': ".Length + cause.Length)]);
    }

    [Fact]
    public void A_route_under_the_admin_api_fails_the_start()
    {
        var entry = FunctionEntries.For(typeof(UnsupportedFunctions).GetMethod("AdminRoute")!);
        var noRoutePrefix = new Dictionary<string, string?> { ["AzureFunctionsJobHost__extensions__http__routePrefix"] = "" };

        var error = BuildFails(FunctionAppMetadata.Empty().With(entry), noRoutePrefix);

        Assert.Contains("conflicts with the host's built-in /admin routes", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_the_host_does_not_run_fails_the_start()
    {
        var entry = FunctionEntries.For(typeof(ProbeFunctions).GetMethod(nameof(ProbeFunctions.TimerAsync))!);
        entry["bindings"]![0]!["type"] = "blobTrigger";

        var error = BuildFails(FunctionAppMetadata.Empty().With(entry));

        Assert.Equal("Function 'ProbeTimer': trigger type 'blobTrigger' is not supported by the development host (httpTrigger, timerTrigger, queueTrigger are).", Assert.Single(error.Errors));
    }

    [Fact]
    public void An_entry_point_that_does_not_exist_fails_the_start()
    {
        var entry = FunctionEntries.For(typeof(ProbeFunctions).GetMethod(nameof(ProbeFunctions.TimerAsync))!);
        entry["entryPoint"] = "InFocus.EndToEnd.Tests.Host.Probes.ProbeFunctions.Gone";

        var error = BuildFails(FunctionAppMetadata.Empty().With(entry));

        Assert.Contains("entry point 'InFocus.EndToEnd.Tests.Host.Probes.ProbeFunctions.Gone' is not a public method", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_binding_fails_the_start()
    {
        var entry = FunctionEntries.For(typeof(ProbeFunctions).GetMethod(nameof(ProbeFunctions.TimerAsync))!);
        entry["bindings"]!.AsArray().Add(new JsonObject { ["name"] = "$return", ["type"] = "queue", ["direction"] = "Out", ["queueName"] = "out" });

        var error = BuildFails(FunctionAppMetadata.Empty().With(entry));

        Assert.Contains("binding '$return' (queue, Out) is not supported", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var metadata = FunctionAppMetadata.Empty()
            .With(FunctionEntries.For(typeof(UnsupportedFunctions).GetMethod("IntParameter")!))
            .With(FunctionEntries.For(typeof(UnsupportedFunctions).GetMethod("UnsetQueueSetting")!));

        var error = BuildFails(metadata);

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("IntParameter", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnsetQueueSetting", error.Message, StringComparison.Ordinal);
    }

    private static DevHostStartupException BuildFails(FunctionAppMetadata metadata, Dictionary<string, string?>? settings = null)
    {
        var path = metadata.WriteToTemporaryFile();
        try
        {
            var all = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value);
            foreach (var (key, value) in settings ?? [])
            {
                all[key] = value;
            }

            return Assert.Throws<DevHostStartupException>(() => DevHostApplication.Build(new DevHostOptions
            {
                MetadataPath = path,
                FunctionAssemblies = [typeof(FunctionsServiceCollectionExtensions).Assembly, typeof(ProbeFunctions).Assembly],
                UseEnvironmentVariables = false,
                Settings = all,
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
