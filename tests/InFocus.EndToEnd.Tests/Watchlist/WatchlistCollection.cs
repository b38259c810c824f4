using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>Watchlist and recommendation tests over HTTP, sharing one host and database.</summary>
[CollectionDefinition(Name)]
public sealed class WatchlistCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "Watchlist and recommendations over HTTP";
}
