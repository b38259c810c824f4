using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// A typed TypeScript client generated from the contract (openapi-typescript, pinned in tools/api-contract) compiles
/// against tools/api-contract/journey/journey.mts and walks a client developer's first journey against this host and
/// its fake TMDB: register, verify the address with the emailed link (read from smtp4dev), search, import, add to the
/// watchlist, list.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class GeneratedClientJourneyTests(MediaHostFixture host)
{
    private static readonly string Journey = Path.Combine(ContractFiles.NpmTools, "journey");

    [Fact]
    public async Task The_generated_client_compiles_and_walks_register_verify_search_import_add_and_list()
    {
        var generated = await NpmTools.RunAsync(
            "openapi-typescript", Journey, ContractFiles.BuildOutputDocument, "--output", Path.Combine("generated", "api.d.ts"));
        Assert.True(generated.ExitCode == 0, $"openapi-typescript failed:\n{generated.Output}");

        var compiled = await NpmTools.RunAsync("tsc", Journey, "--project", "tsconfig.json");
        Assert.True(compiled.ExitCode == 0, $"The journey does not compile against the generated client:\n{compiled.Output}");

        var walked = await ProcessRunner.RunAsync(
            "node", Journey, Path.Combine("generated", "out", "journey.mjs"), host.BaseAddress.ToString(), TestEnvironment.Smtp4devUrl.ToString());
        Assert.True(walked.ExitCode == 0, $"The journey failed:\n{walked.Output}");
        Assert.Contains("journey complete", walked.Output, StringComparison.Ordinal);
    }
}
