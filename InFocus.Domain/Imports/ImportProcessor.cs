using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Imports;

/// <summary>
/// The <c>ProcessImport</c> queue function's work. A run claims the import with a lease (a duplicate message finds it
/// claimed and does nothing), stages the stored file's rows into <c>import_rows</c> once (one transaction), then applies
/// pending rows in batches of <see cref="ImportOptions.BatchSize"/> (<see cref="TitleMatcher"/>, then
/// <see cref="ImportApplier"/>) until none is left or <see cref="ImportOptions.RunTimeBudget"/> is spent, when it hands
/// over to a new message. TMDB being unavailable puts the import back on the queue for later. A run that dies leaves
/// the lease to expire and its message to come back: the next run continues with the rows still pending.
/// </summary>
public sealed partial class ImportProcessor(
    InFocusDbContext db,
    ImportStorage storage,
    ImportFileReader reader,
    TitleMatcher matcher,
    ImportApplier applier,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportProcessor> logger)
{
    private ImportOptions Options => options.Value;

    public async Task RunAsync(string message, CancellationToken cancellationToken)
    {
        if (ImportMessage.Parse(message) is not { } importId || !Cuid.IsValid(importId))
        {
            LogUnreadableMessage(logger);
            return;
        }

        var started = clock.GetUtcNow();
        var import = await ClaimAsync(importId, started, cancellationToken);
        if (import is null)
        {
            LogNotClaimed(logger, importId);
            return;
        }

        if (import.Status == SnakeCaseEnum<ImportStatus>.ToName(ImportStatus.Failed))
        {
            // Too many runs in a row ended without moving on (the claim failed it): what is applied stays, the file goes.
            await storage.DeleteAsync(import.BlobName, cancellationToken);
            LogGaveUp(logger, importId, import.Attempts - 1);
            return;
        }

        try
        {
            if (!import.Staged)
            {
                await StageAsync(import, cancellationToken);
            }

            while (true)
            {
                var batch = await db.ImportRows.AsNoTracking()
                    .Where(r => r.ImportId == importId && r.Outcome == ImportRowOutcome.Pending)
                    .OrderBy(r => r.Seq)
                    .Take(Options.BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    await FinishAsync(import, ImportStatus.Completed, null, cancellationToken);
                    return;
                }

                var matches = await matcher.MatchAsync(batch, cancellationToken);
                if (!await applier.ApplyAsync(importId, import.UserId, batch, matches, clock.GetUtcNow() + Options.Lease, cancellationToken))
                {
                    LogCancelled(logger, importId);
                    return;
                }

                if (clock.GetUtcNow() - started >= Options.RunTimeBudget)
                {
                    await ReleaseAsync(importId, movedOn: true, cancellationToken);
                    await storage.EnqueueAsync(importId, cancellationToken);
                    return;
                }
            }
        }
        catch (DependencyUnavailableException e)
        {
            var delay = e.RetryAfter is { } after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(30);
            LogPaused(logger, importId, delay.TotalSeconds, e.Message);
            await ReleaseAsync(importId, movedOn: true, CancellationToken.None);
            await storage.EnqueueAsync(importId, CancellationToken.None, delay);
        }
        catch (ValidationException e)
        {
            // The stored file no longer reads as it did when it was accepted: nothing more can be done with it.
            var reason = string.Join(" ", e.Errors.SelectMany(f => f.Value));
            await FinishAsync(import, ImportStatus.Failed, reason.Length <= FieldLimits.ErrorText ? reason : reason[..FieldLimits.ErrorText], CancellationToken.None);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The host retries the message (up to maxDequeueCount): let the retry claim the import at once. The attempt
            // counts: once the host gives up (poison queue), ImportSweep sends a message that fails the import.
            await ReleaseAsync(importId, movedOn: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Claims the import with a lease and counts the attempt; an import that has had
    /// <see cref="ImportOptions.MaxAttempts"/> runs in a row without moving on is failed instead (same statement).
    /// </summary>
    private async Task<ClaimedImport?> ClaimAsync(string importId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now + Options.Lease;
        var max = Options.MaxAttempts;
        var reason = $"Processing stopped after {max} attempts in a row that ended without progress (a crash or an error "
                     + "that kept coming back). Rows already applied stay applied; import the file again to retry the rest.";
        var claimed = await db.Database.SqlQuery<ClaimedImport>($"""
            UPDATE imports
            SET attempts = attempts + 1,
                status = CASE WHEN attempts >= {max} THEN 'failed' ELSE 'running' END,
                failure = CASE WHEN attempts >= {max} THEN {reason} ELSE failure END,
                finished_at = CASE WHEN attempts >= {max} THEN {now} ELSE finished_at END,
                started_at = coalesce(started_at, {now}),
                lease_until = CASE WHEN attempts >= {max} THEN NULL ELSE {lease} END
            WHERE id = {importId} AND status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < {now})
            RETURNING id, user_id, source, blob_name, content_type, staged, status, attempts
            """).ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>
    /// Reads the stored file into <c>import_rows</c> with one COPY, in one transaction with the import's totals: staged
    /// entirely or not at all. Rows the parser found unusable are stored as errors at once.
    /// </summary>
    private async Task StageAsync(ClaimedImport import, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await storage.DownloadAsync(import.BlobName, file, cancellationToken);
        file.Position = 0;
        var source = SnakeCaseEnum<ImportSource>.FromName(import.Source);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var rows = 0;
        var errors = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_rows (import_id, seq, file, line, kind, values, title, year, imdb_id, tmdb_id, media_type, season_number, episode_number, status, rating, notes, info_date, outcome, reason) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            await foreach (var row in reader.ReadAsync(source, file, import.ContentType, "upload", cancellationToken))
            {
                if (++rows > Options.MaxRows)
                {
                    throw ValidationException.For("file", $"has more than {Options.MaxRows} rows.");
                }

                errors += row.Error is null ? 0 : 1;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(import.Id, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(rows, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.File, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(SnakeCaseEnum<ImportRowKind>.ToName(row.Kind), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(row.Values), NpgsqlDbType.Jsonb, cancellationToken);
                await WriteNullableAsync(copy, row.Data.Title, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Data.Year, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Data.ImdbId, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Data.TmdbId, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Data.MediaType is { } type ? SnakeCaseEnum<Media.MediaType>.ToName(type) : null, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Data.SeasonNumber, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Data.EpisodeNumber, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Data.Status is { } status ? SnakeCaseEnum<Watchlist.WatchStatus>.ToName(status) : null, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Data.Rating, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, row.Data.Notes, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Data.InfoDate, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(SnakeCaseEnum<ImportRowOutcome>.ToName(row.Error is null ? ImportRowOutcome.Pending : ImportRowOutcome.Error), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, row.Error is { } error && error.Length > FieldLimits.ErrorText ? error[..FieldLimits.ErrorText] : row.Error, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Staged, true)
                .SetProperty(i => i.Total, rows)
                .SetProperty(i => i.Errors, errors)
                .SetProperty(i => i.Processed, errors),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogStaged(logger, import.Id, rows, errors);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private async Task FinishAsync(ClaimedImport import, ImportStatus status, string? failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var finished = await db.Imports
            .Where(i => i.Id == import.Id && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, status)
                    .SetProperty(i => i.Failure, failure)
                    .SetProperty(i => i.FinishedAt, now)
                    .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        if (finished == 1)
        {
            // The file is not kept once its rows are: the import's rows and report are what remains.
            await storage.DeleteAsync(import.BlobName, cancellationToken);
            LogFinished(logger, import.Id, SnakeCaseEnum<ImportStatus>.ToName(status));
        }
    }

    /// <summary>Gives the claim up; <paramref name="movedOn"/>: the run ended in order, so its attempt does not count.</summary>
    private Task<int> ReleaseAsync(string importId, bool movedOn, CancellationToken cancellationToken) =>
        db.Imports.Where(i => i.Id == importId && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(i => i.Attempts, i => movedOn ? 0 : i.Attempts),
                cancellationToken);

    /// <summary>A claimed import (columns in the model's snake_case).</summary>
    private sealed record ClaimedImport(string Id, string UserId, string Source, string BlobName, string ContentType, bool Staged, string Status, int Attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An import queue message without an import id was dropped")]
    private static partial void LogUnreadableMessage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} is finished, cancelled or being processed by another run; nothing to do")]
    private static partial void LogNotClaimed(ILogger logger, string importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} failed: {Attempts} runs in a row ended without progress")]
    private static partial void LogGaveUp(ILogger logger, string importId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} staged: {Rows} rows, {Errors} unusable")]
    private static partial void LogStaged(ILogger logger, string importId, int rows, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} was cancelled; its run stops")]
    private static partial void LogCancelled(ILogger logger, string importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} paused for {DelaySeconds} s: {Reason}")]
    private static partial void LogPaused(ILogger logger, string importId, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} {Status}")]
    private static partial void LogFinished(ILogger logger, string importId, string status);
}
