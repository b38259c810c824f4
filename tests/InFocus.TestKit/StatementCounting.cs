namespace InFocus.TestKit;

/// <summary>Query-count measurements for tests that prove an operation's SQL statements do not grow with the data.</summary>
public static class StatementCounting
{
    /// <summary>How many SQL statements <paramref name="work"/> runs with a fresh scope's service, as one request would.</summary>
    public static async Task<int> StatementsOfAsync<TService>(this DomainFixture fixture, Func<TService, Task> work)
        where TService : notnull
    {
        fixture.Statements.Reset();
        await fixture.WithAsync(work);
        return fixture.Statements.Count;
    }
}
