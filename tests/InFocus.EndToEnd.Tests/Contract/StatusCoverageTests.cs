using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

[CollectionDefinition(LastCollectionFramework.AfterTheSuite)]
public sealed class AfterTheSuiteCollection;

/// <summary>
/// What the contract documents is what the end-to-end suite produces: every (operation, status) the document lists was
/// answered to some test. (The other direction, no undocumented status, is checked on every response by
/// <see cref="ContractCheckingHandler"/>.) It runs after every other collection; run alone it has nothing to judge.
/// </summary>
[Collection(LastCollectionFramework.AfterTheSuite)]
public sealed class StatusCoverageTests
{
    [Fact]
    public void Every_documented_status_was_produced_by_some_test()
    {
        var missing = ApiContract.Documented
            .Where(d => !ApiContract.Seen.ContainsKey(d))
            .Select(d => $"{d.OperationId} {d.Status}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"No test produced these documented statuses (run the whole end-to-end suite):\n  {string.Join("\n  ", missing)}");
    }
}
