using System.Reflection;
using InFocus.DevHost.Metadata;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions;
using InFocus.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// The API contract describes exactly the HTTP functions the hosts serve: one operation per function and method, on
/// the function's route, named after the function, and no operation without a function. When a merge brings a
/// function without its contract metadata, or drops a function, these fail at once.
/// </summary>
public sealed class ContractCoverageTests
{
    private static readonly Assembly FunctionApp = typeof(FunctionsServiceCollectionExtensions).Assembly;

    [Fact]
    public void Every_http_function_is_one_operation_and_every_operation_a_function()
    {
        var served = FunctionMetadataFile.Read(FunctionAppMetadata.BuildOutputPath)
            .SelectMany(f => f.Bindings.Where(b => b.Type == "httpTrigger")
                .SelectMany(b => (b.Methods ?? []).Select(m => $"{f.Name}: {m.ToUpperInvariant()} /{b.Route}")))
            .Order(StringComparer.Ordinal);
        var documented = ApiContract.Operations.Select(o => $"{o.Id}: {o.Method} {o.Template}").Order(StringComparer.Ordinal);

        Assert.Equal(served, documented);
    }

    [Fact]
    public void Every_operation_id_is_unique()
    {
        var ids = ApiContract.Operations.Select(o => o.Id).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    /// <summary>The class's <c>Name</c> constant is what [Function] and the endpoint's log line both use.</summary>
    [Fact]
    public void Every_function_names_itself_once_in_its_Name_constant()
    {
        var functions = FunctionEntries.FunctionsIn(FunctionApp).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.Equal(
            f.GetCustomAttribute<FunctionAttribute>()!.Name,
            f.DeclaringType!.GetField("Name", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()));
    }

    [Fact]
    public void Operations_through_the_signed_in_endpoint_require_the_bearer_scheme_and_the_others_none()
    {
        foreach (var function in ApiDescription.HttpFunctions(FunctionApp))
        {
            var name = function.GetCustomAttribute<FunctionAttribute>()!.Name;
            var operation = ApiContract.Document["paths"]!.AsObject()
                .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!))
                .Single(o => o["operationId"]!.GetValue<string>() == name);
            var signedIn = function.DeclaringType!.GetConstructors().Single().GetParameters().Any(p => p.ParameterType.Name == "AuthenticatedEndpoint");

            Assert.Equal(signedIn ? """[{"bearer":[]}]""" : "[]", operation["security"]!.ToJsonString());
        }
    }
}
