using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Imports;

/// <summary>
/// The imports API: upload a file (checked in full, stored, queued), read an import's progress and problem rows,
/// list one's imports, cancel one. The processing itself is <see cref="ImportProcessor"/>.
/// </summary>
public sealed partial class ImportService(
    InFocusDbContext db,
    ImportFileReader reader,
    ImportStorage storage,
    RateLimiter limiter,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportService> logger)
{
    private ImportOptions Options => options.Value;

    /// <summary>
    /// <c>POST /api/imports</c>: 400 for an unknown source or a malformed file (naming the file, line and column) or
    /// more than <see cref="ImportOptions.MaxRows"/> rows, 429 over the per-user or app-wide limit; then the file is
    /// stored and the import queued.
    /// </summary>
    public async Task<ImportCreatedResponse> CreateAsync(CurrentUser user, string? source, ImportUpload upload, CancellationToken cancellationToken)
    {
        var parsedSource = ParseSource(source);
        var rows = 0;
        await foreach (var _ in reader.ReadAsync(parsedSource, upload.File, upload.ContentType, upload.FileName, cancellationToken))
        {
            if (++rows > Options.MaxRows)
            {
                throw ValidationException.For("file", $"has more than {Options.MaxRows} rows; split it into smaller files.");
            }
        }

        if (rows == 0)
        {
            throw ValidationException.For("file", $"has no rows to import ({ImportFormats.Expected(parsedSource)}).");
        }

        await limiter.AcquireAsync(
        [
            RateLimit.PerDay($"imports-per-user:{user.UserId}", Options.PerUserPerDay, "You have started too many imports today. Try again later."),
            RateLimit.PerHour("imports-app", Options.AppPerHour, "Too many imports are running on InFocus right now. Try again later."),
        ], cancellationToken);

        var import = new Import
        {
            Id = Cuid.NewId(),
            UserId = user.UserId,
            Source = parsedSource,
            BlobName = $"{user.UserId}/{Cuid.NewId()}",
            ContentType = upload.ContentType,
            Total = rows,
        };
        upload.File.Position = 0;
        await storage.UploadAsync(import.BlobName, upload.File, cancellationToken);
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await storage.EnqueueAsync(import.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The import and its file are stored: ImportSweep enqueues it once the queue answers again.
            LogEnqueueFailed(logger, import.Id, e.Message);
        }

        LogQueued(logger, import.Id, SnakeCaseEnum<ImportSource>.ToName(parsedSource), rows);
        return new ImportCreatedResponse(import.Id, import.Status);
    }

    public static ImportSource ParseSource(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            throw ValidationException.For("source", $"is required: one of {string.Join(", ", SnakeCaseEnum<ImportSource>.AllNames)}.");
        }

        return SnakeCaseEnum<ImportSource>.ParseOptional("source", source)!.Value;
    }

    /// <summary><c>GET /api/imports/{id}</c>: one query; someone else's import is a 404.</summary>
    public async Task<ImportResponse> GetAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(id))
        {
            throw new NotFoundException("The import");
        }

        return await db.Imports.AsNoTracking()
                   .Where(i => i.Id == id && i.UserId == user.UserId)
                   .Select(ToResponse)
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("The import");
    }

    /// <summary><c>GET /api/imports</c>: the caller's imports, newest first; one query.</summary>
    public async Task<Page<ImportResponse>> ListAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        const string kind = "imports";
        var after = Keyset.After<DateTimeOffset>(kind, page.Cursor);
        var rows = await db.Imports.AsNoTracking()
            .Where(i => i.UserId == user.UserId)
            .OrderByKeyset(i => i.CreatedAt, i => i.Id, descending: true, after)
            .Take(page.Limit + 1)
            .Select(ToResponse)
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, i => i.CreatedAt, i => i.Id);
    }

    /// <summary>
    /// <c>GET /api/imports/{id}/rows</c>: the import's unmatched and error rows (or one of the two) in file order; two
    /// queries (the import's owner, the page).
    /// </summary>
    public async Task<Page<ImportRowResponse>> ListRowsAsync(
        CurrentUser user, string? id, ImportProblem? problem, PageRequest page, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(id) || !await db.Imports.AnyAsync(i => i.Id == id && i.UserId == user.UserId, cancellationToken))
        {
            throw new NotFoundException("The import");
        }

        var kind = $"import-rows:{id}:{problem}";
        var after = page.Cursor is null ? null : PageCursor.Decode<RowPosition>(kind, page.Cursor);
        var afterSeq = after?.Seq ?? 0;
        ImportRowOutcome[] outcomes = problem switch
        {
            ImportProblem.Unmatched => [ImportRowOutcome.Unmatched],
            ImportProblem.Error => [ImportRowOutcome.Error],
            _ => [ImportRowOutcome.Unmatched, ImportRowOutcome.Error],
        };
        var rows = await db.ImportRows.AsNoTracking()
            .Where(r => r.ImportId == id && outcomes.Contains(r.Outcome) && r.Seq > afterSeq)
            .OrderBy(r => r.Seq)
            .Take(page.Limit + 1)
            .Select(r => new { r.Seq, r.File, r.Line, r.Kind, r.Outcome, r.Reason, r.Values, r.Data.TmdbId, r.Data.MediaType })
            .ToListAsync(cancellationToken);
        var result = PageCursor.ToPage(rows, page.Limit, kind, r => new RowPosition(r.Seq));
        return new Page<ImportRowResponse>(
            result.Items.Select(r => new ImportRowResponse(
                r.File, r.Line, r.Kind, r.Outcome, r.Reason,
                ParseValues(r.Values), r.TmdbId, r.MediaType)).ToList(),
            result.NextCursor);
    }

    /// <summary>
    /// <c>DELETE /api/imports/{id}</c>: cancels a queued or running import (rows already applied stay applied; the
    /// stored file is deleted). 409 when it already finished. One statement, plus one to tell 404 from 409.
    /// </summary>
    public async Task<ImportResponse> CancelAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(id))
        {
            throw new NotFoundException("The import");
        }

        var cancelled = await db.Imports
            .Where(i => i.Id == id && i.UserId == user.UserId && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, ImportStatus.Cancelled)
                    .SetProperty(i => i.FinishedAt, clock.GetUtcNow())
                    .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        var import = await GetAsync(user, id, cancellationToken);
        if (cancelled == 0)
        {
            throw new ConflictException($"The import is {SnakeCaseEnum<ImportStatus>.ToName(import.Status)}; only a queued or running import can be cancelled.");
        }

        var blob = await db.Imports.Where(i => i.Id == id).Select(i => i.BlobName).SingleAsync(cancellationToken);
        await storage.DeleteAsync(blob, cancellationToken);
        return import;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Import, ImportResponse>> ToResponse = i => new ImportResponse(
        i.Id, i.Source, i.Status, i.Total, i.Processed, i.Added, i.Updated, i.Unchanged, i.Unmatched, i.Errors, i.Failure,
        i.CreatedAt, i.StartedAt, i.FinishedAt);

    private static JsonElement ParseValues(string values)
    {
        using var document = JsonDocument.Parse(values);
        return document.RootElement.Clone();
    }

    private sealed record RowPosition(int Seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} is stored but its queue message could not be sent ({Reason}); the sweep will send it")]
    private static partial void LogEnqueueFailed(ILogger logger, string importId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} queued ({Source}, {Rows} rows)")]
    private static partial void LogQueued(ILogger logger, string importId, string source, int rows);
}
