using System.Text.Json;
using InFocus.Domain.Media;

namespace InFocus.Domain.Imports;

/// <summary>An uploaded file: a seekable copy of the body, its media type and a name for reports.</summary>
public sealed record ImportUpload(Stream File, string ContentType, string FileName);

/// <summary>The answer to <c>POST /api/imports</c> (202).</summary>
public sealed record ImportCreatedResponse(string Id, ImportStatus Status);

/// <summary>An import's progress and report.</summary>
public sealed record ImportResponse(
    string Id,
    ImportSource Source,
    ImportStatus Status,
    int Total,
    int Processed,
    int Added,
    int Updated,
    int Unchanged,
    int Unmatched,
    int Errors,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A problem row of an import: where it is, its original values (by the file's column names), and why it was not applied.</summary>
public sealed record ImportRowResponse(
    string File,
    int Line,
    ImportRowKind Kind,
    ImportRowOutcome Outcome,
    string? Reason,
    JsonElement Values,
    int? TmdbId,
    MediaType? MediaType);
