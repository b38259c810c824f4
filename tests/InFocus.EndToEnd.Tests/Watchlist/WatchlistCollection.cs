using InFocus.EndToEnd.Tests.Media;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>
/// Watchlist and recommendation tests over HTTP, sharing one host (with the fake TMDB server, for titles named by
/// TMDB id) and database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WatchlistCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Watchlist and recommendations over HTTP";
}
