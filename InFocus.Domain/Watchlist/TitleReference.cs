using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// A title named in a request body, either by its catalog id (<c>mediaItemId</c>) or by TMDB id and type
/// (<c>tmdbId</c> + <c>type</c>, imported into the catalog when it is not there yet). Exactly one way is allowed.
/// </summary>
public sealed record TitleReference
{
    private const string EitherOr = "give either mediaItemId, or tmdbId and type.";

    private TitleReference(string? mediaItemId, int? tmdbId, MediaType? type)
    {
        MediaItemId = mediaItemId;
        TmdbId = tmdbId;
        Type = type;
    }

    public string? MediaItemId { get; }

    public int? TmdbId { get; }

    public MediaType? Type { get; }

    public static TitleReference ForMediaItem(string mediaItemId) => new(mediaItemId, null, null);

    public static TitleReference ForTmdb(int tmdbId, MediaType type) => new(null, tmdbId, type);

    /// <summary>
    /// Checks the three request members, adding errors to <paramref name="validation"/>; null when they are invalid,
    /// so the caller can report them together with its own fields.
    /// </summary>
    public static TitleReference? Validate(Validation validation, string? mediaItemId, int? tmdbId, string? type)
    {
        var byId = mediaItemId is not null;
        var byTmdb = tmdbId is not null || type is not null;
        if (byId == byTmdb)
        {
            validation.Add("mediaItemId", EitherOr).Add("tmdbId", EitherOr);
            return null;
        }

        if (byId)
        {
            if (Cuid.IsValid(mediaItemId))
            {
                return ForMediaItem(mediaItemId!);
            }

            validation.Add("mediaItemId", "is not a valid id.");
            return null;
        }

        if (tmdbId is null)
        {
            validation.Add("tmdbId", "is required with type.");
        }
        else if (tmdbId <= 0)
        {
            validation.Add("tmdbId", "must be a positive integer.");
        }

        if (string.IsNullOrEmpty(type))
        {
            validation.Add("type", "is required with tmdbId.");
        }

        var mediaType = SnakeCaseEnum<MediaType>.ParseOptional("type", type, validation);
        return tmdbId > 0 && mediaType is { } parsed ? ForTmdb(tmdbId.Value, parsed) : null;
    }
}
