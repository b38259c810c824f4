using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>Finds the catalog id of a <see cref="TitleReference"/>.</summary>
public sealed class TitleResolver(MediaCatalog catalog)
{
    /// <summary>
    /// The catalog id of the title, importing a title named by TMDB id when the catalog does not have it yet (TMDB's
    /// 404 is a <see cref="Common.NotFoundException"/>, TMDB unavailable a <see cref="Common.DependencyUnavailableException"/>).
    /// An id given by the client is returned as is: callers check it exists in the query that reads the title.
    /// </summary>
    public async Task<string> ResolveAsync(TitleReference title, CancellationToken cancellationToken) =>
        title.MediaItemId
        ?? (await catalog.EnsureAsync(title.TmdbId!.Value, title.Type!.Value, cancellationToken)).MediaItemId;
}
