using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Watchlist;

/// <summary>Finds the catalog id of a <see cref="TitleReference"/>.</summary>
public sealed class TitleResolver(InFocusDbContext db)
{
    /// <summary>
    /// The catalog id of the title. An id given by the client is returned as is (callers check it exists in the same
    /// query that reads the title).
    /// </summary>
    public async Task<string> ResolveAsync(TitleReference title, CancellationToken cancellationToken)
    {
        if (title.MediaItemId is { } id)
        {
            return id;
        }

        // TODO(media): import missing titles through MediaCatalog.EnsureAsync once the media branch lands.
        return await db.MediaItems
            .Where(m => m.TmdbId == title.TmdbId && m.TmdbType == title.Type)
            .Select(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The title");
    }
}
