using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Watchlist;

/// <summary>A user's watchlist entries: add, read, change and remove. Another user's entry is not found.</summary>
public sealed class WatchlistService(InFocusDbContext db, TitleResolver titles, MediaImages images)
{
    public const int MinRating = 1;
    public const int MaxRating = 10;
    private const string Entry = "The watchlist entry";

    // An unconditional update that keeps losing races to other updates gives up after this many tries.
    private const int UnconditionalAttempts = 3;

    /// <summary>
    /// <c>POST /api/watchlist</c>: adds a title (imported from TMDB first when named by TMDB id). A title already on
    /// the list is a 409 whose body names the existing entry (<c>existingEntryId</c>). Two statements for a title named
    /// by catalog id.
    /// </summary>
    public async Task<WatchlistEntryResponse> AddAsync(CurrentUser user, AddWatchlistEntryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var title = TitleReference.Validate(validation, request.MediaItemId, request.TmdbId, request.Type);
        var status = SnakeCaseEnum<WatchStatus>.ParseOptional("status", request.Status, validation) ?? WatchStatus.NotWatched;
        validation.Range("rating", request.Rating, MinRating, MaxRating).MaxLength("notes", request.Notes, FieldLimits.Notes);
        validation.ThrowIfInvalid();

        var mediaItemId = await titles.ResolveAsync(title!, cancellationToken);
        var target = await db.MediaItems
            .Where(m => m.Id == mediaItemId)
            .Select(ProjectionComposition.Compose((MediaItem m) => m, TitleRow.Projection, (m, title) => new
            {
                Title = title,
                ExistingEntryId = db.WatchlistEntries.Where(e => e.UserId == user.UserId && e.MediaItemId == m.Id).Select(e => e.Id).FirstOrDefault(),
            }))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The title");
        if (target.ExistingEntryId is not null)
        {
            throw AlreadyListed(target.ExistingEntryId);
        }

        var entry = new WatchlistEntry
        {
            UserId = user.UserId,
            MediaItemId = mediaItemId,
            Status = status,
            Rating = request.Rating,
            Notes = NotesOrNull(request.Notes),
        };
        db.WatchlistEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another request (or an accepted recommendation) added the title since the check above.
            var existing = await Owned(user).Where(e => e.MediaItemId == mediaItemId).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                throw;
            }

            throw AlreadyListed(existing);
        }

        return new WatchlistEntryRow(entry, target.Title).ToResponse(images);
    }

    /// <summary><c>GET /api/watchlist/{id}</c>: one statement.</summary>
    public async Task<WatchlistEntryResponse> GetAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        var row = await Owned(user, id).Select(WatchlistEntryRow.Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Entry);
        return row.ToResponse(images);
    }

    /// <summary>
    /// <c>PATCH /api/watchlist/{id}</c>. With <paramref name="precondition"/> (<c>If-Match</c>) the entry must still be
    /// in a version the client named, also when another update lands between reading and writing it (the update is
    /// conditional on the version read): otherwise 412 and nothing changes. Without it the last write wins. Two
    /// statements (none written when nothing changes).
    /// </summary>
    public async Task<WatchlistEntryResponse> UpdateAsync(
        CurrentUser user, string? id, UpdateWatchlistEntryRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var status = ValidateUpdate(request);
        for (var attempt = 1; ; attempt++)
        {
            var found = await Owned(user, id).AsTracking().Select(WatchlistEntryRow.Projection).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Entry);
            var entry = found.Entry;
            precondition?.Require(EntityTag.From(entry.Version), Entry);
            entry.Status = status ?? entry.Status;
            entry.Rating = request.Rating.IsSet ? request.Rating.Value : entry.Rating;
            entry.Notes = request.Notes.IsSet ? NotesOrNull(request.Notes.Value) : entry.Notes;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return found.ToResponse(images);
            }
            catch (DbUpdateConcurrencyException) when (precondition is null && attempt < UnconditionalAttempts)
            {
                // Changed or deleted since it was read: read it again and reapply (the last write wins).
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                throw precondition is null
                    ? new ConflictException($"{Entry} is being changed by other requests right now; try again.")
                    : IfMatch.Failed(Entry);
            }
        }
    }

    /// <summary><c>DELETE /api/watchlist/{id}</c>: one statement.</summary>
    public async Task DeleteAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        if (await Owned(user, id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException(Entry);
        }
    }

    /// <summary>Checks the members present; returns the new status when one is given.</summary>
    private static WatchStatus? ValidateUpdate(UpdateWatchlistEntryRequest request)
    {
        var validation = new Validation();
        WatchStatus? status = null;
        if (request.Status.IsSet)
        {
            status = SnakeCaseEnum<WatchStatus>.ParseOptional("status", request.Status.Value, validation);
            if (string.IsNullOrEmpty(request.Status.Value))
            {
                validation.Add("status", $"cannot be cleared; it is one of: {string.Join(", ", SnakeCaseEnum<WatchStatus>.AllNames)}.");
            }
        }

        if (request.Rating.IsSet)
        {
            validation.Range("rating", request.Rating.Value, MinRating, MaxRating);
        }

        if (request.Notes.IsSet)
        {
            validation.MaxLength("notes", request.Notes.Value, FieldLimits.Notes);
        }

        validation.ThrowIfInvalid();
        return status;
    }

    private IQueryable<WatchlistEntry> Owned(CurrentUser user) =>
        db.WatchlistEntries.AsNoTracking().Where(e => e.UserId == user.UserId);

    /// <summary>The caller's entry <paramref name="id"/>; an id that cannot exist is not found without a query.</summary>
    private IQueryable<WatchlistEntry> Owned(CurrentUser user, string? id) =>
        Cuid.IsValid(id) ? Owned(user).Where(e => e.Id == id) : throw new NotFoundException(Entry);

    private static string? NotesOrNull(string? notes) => string.IsNullOrWhiteSpace(notes) ? null : notes;

    private static ConflictException AlreadyListed(string existingEntryId) =>
        new("This title is already on your watchlist.")
        {
            Extensions = new Dictionary<string, object?> { ["existingEntryId"] = existingEntryId },
        };
}
