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
    /// <c>PATCH /api/watchlist/{id}</c>. With <paramref name="precondition"/> (<c>If-Match</c> naming versions) the entry
    /// must still be in a version the client named, also when another update lands between reading and writing it (the
    /// update is conditional on the version read): otherwise 412 and nothing changes. Without it (or with <c>*</c>) the
    /// last write wins: the members present are set in one statement with no read before it, so concurrent updates all
    /// apply, in the order PostgreSQL takes them. Two statements (none written when nothing changes).
    /// </summary>
    public async Task<WatchlistEntryResponse> UpdateAsync(
        CurrentUser user, string? id, UpdateWatchlistEntryRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var status = ValidateUpdate(request);
        if (precondition is null || precondition.IsAny)
        {
            await UpdateLastWriteWinsAsync(user, id, request, status, cancellationToken);
            return await GetAsync(user, id, cancellationToken);
        }

        var found = await Owned(user, id).AsTracking().Select(WatchlistEntryRow.Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Entry);
        var entry = found.Entry;
        precondition.Require(EntityTag.From(entry.Version), Entry);
        // An explicit status change wins over progress until the next viewing.
        entry.StatusFollowsProgress = entry.StatusFollowsProgress && (status is null || status == entry.Status);
        entry.Status = status ?? entry.Status;
        entry.Rating = request.Rating.IsSet ? request.Rating.Value : entry.Rating;
        entry.Notes = request.Notes.IsSet ? NotesOrNull(request.Notes.Value) : entry.Notes;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return found.ToResponse(images);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw IfMatch.Failed(Entry);
        }
    }

    /// <summary>
    /// Sets the members present in one <c>UPDATE</c>, only where one of them differs (so an update that changes nothing
    /// keeps the version); an entry that is not the caller's, or no longer exists, is left to the read that follows.
    /// </summary>
    private async Task UpdateLastWriteWinsAsync(
        CurrentUser user, string? id, UpdateWatchlistEntryRequest request, WatchStatus? status, CancellationToken cancellationToken)
    {
        var (setRating, rating) = (request.Rating.IsSet, request.Rating.IsSet ? request.Rating.Value : null);
        var (setNotes, notes) = (request.Notes.IsSet, request.Notes.IsSet ? NotesOrNull(request.Notes.Value) : null);
        if (status is null && !setRating && !setNotes)
        {
            return;
        }

        await Owned(user, id)
            .Where(e => (status != null && e.Status != status) || (setRating && e.Rating != rating) || (setNotes && e.Notes != notes))
            .ExecuteUpdateAsync(
                setters =>
                {
                    if (status is { } newStatus)
                    {
                        // An explicit status wins over progress until the next viewing.
                        setters.SetProperty(e => e.Status, newStatus);
                        setters.SetProperty(e => e.StatusFollowsProgress, false);
                    }

                    if (setRating)
                    {
                        setters.SetProperty(e => e.Rating, rating);
                    }

                    if (setNotes)
                    {
                        setters.SetProperty(e => e.Notes, notes);
                    }
                },
                cancellationToken);
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
