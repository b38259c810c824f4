using InFocus.EndToEnd.Tests.Media;

namespace InFocus.EndToEnd.Tests.Concurrency;

/// <summary>
/// The concurrency tests of the write endpoints: identical and conflicting requests fired at once through
/// <see cref="Harness.Concurrently"/>, then the statuses and the database checked. One host (with the fake TMDB) and
/// database of their own, so the rows they count are theirs alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConcurrencyCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Write endpoints under concurrency";

    /// <summary>How many requests each test fires at once.</summary>
    public const int Requests = 8;
}
