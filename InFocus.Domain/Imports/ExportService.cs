using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Imports;

/// <summary>The formats of <c>GET /api/me/export</c>.</summary>
public enum ExportFormat
{
    /// <summary>Everything of the user, versioned (<see cref="ExportService.Version"/>); importable as <c>source=infocus</c>.</summary>
    Json,

    /// <summary>The user's movies as CSVs in Letterboxd's import layout.</summary>
    Letterboxd,
}

/// <summary>An export: the ZIP's bytes and its file name.</summary>
public sealed record ExportFile(byte[] Content, string FileName);

/// <summary>
/// <c>GET /api/me/export</c>: a ZIP of the user's data. <c>json</c>: <c>infocus-export.json</c> (format name and
/// version, profile, families and roles, recommendations sent and received) and <c>watchlist.json</c> (every entry with
/// its TMDB id, the file <c>POST /api/imports?source=infocus</c> reads). <c>letterboxd</c>: <c>watched.csv</c> and
/// <c>watchlist.csv</c> with Letterboxd's import columns (tmdbID, Title, Year, WatchedDate, Rating10, Review). One
/// query per part, whatever the amount of data; the watchlist is streamed from the database into the archive.
/// </summary>
public sealed class ExportService(InFocusDbContext db, TimeProvider clock)
{
    public const string FormatName = "infocus-export";
    public const int Version = 1;

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public async Task<ExportFile> ExportAsync(CurrentUser user, string? format, CancellationToken cancellationToken)
    {
        var parsed = SnakeCaseEnum<ExportFormat>.ParseOptional("format", format) ?? ExportFormat.Json;
        var now = clock.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (parsed == ExportFormat.Json)
            {
                await WriteManifestAsync(zip, user, now, cancellationToken);
                await WriteWatchlistJsonAsync(zip, user, cancellationToken);
            }
            else
            {
                await WriteLetterboxdAsync(zip, user, cancellationToken);
            }
        }

        var stamp = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportFile(buffer.ToArray(), $"infocus-{SnakeCaseEnum<ExportFormat>.ToName(parsed)}-{stamp}.zip");
    }

    /// <summary>The user's entries, oldest first; for Letterboxd only movies, watched (any status but not watched) or not.</summary>
    private IQueryable<ExportEntry> Entries(CurrentUser user, bool? watchedMovies = null) =>
        db.WatchlistEntries.AsNoTracking()
            .Where(e => e.UserId == user.UserId)
            .Where(e => watchedMovies == null
                        || (e.MediaItem!.TmdbType == MediaType.Movie && (e.Status != WatchStatus.NotWatched) == watchedMovies))
            .OrderBy(e => e.DateAdded).ThenBy(e => e.Id)
            .Select(e => new ExportEntry(
                e.MediaItem!.TmdbId, e.MediaItem.TmdbType, e.MediaItem.Title, e.MediaItem.ReleaseDate, e.MediaItem.Creators,
                e.Status, e.Rating, e.Notes, e.DateAdded, e.DateUpdated));

    private async Task WriteManifestAsync(ZipArchive zip, CurrentUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.Email, u.Name, u.CreatedAt, Bio = u.Profile != null ? u.Profile.Bio : null, Preferences = u.Profile != null ? u.Profile.Preferences : null })
            .SingleAsync(cancellationToken);
        var families = await db.FamilyMemberships.AsNoTracking()
            .Where(m => m.UserId == user.UserId)
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { m.FamilyId, m.Family!.Name, m.Role, m.JoinedAt })
            .ToListAsync(cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.RecommendedById == user.UserId || r.RecommendedToId == user.UserId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                Sent = r.RecommendedById == user.UserId,
                Other = r.RecommendedById == user.UserId ? r.RecommendedTo!.Name : r.RecommendedBy!.Name,
                r.MediaItem!.TmdbId,
                r.MediaItem.TmdbType,
                r.MediaItem.Title,
                r.Message,
                r.Status,
                r.CreatedAt,
                r.RespondedAt,
            })
            .ToListAsync(cancellationToken);

        object Recommendation(bool sent, string other, int tmdbId, MediaType type, string title, string? message,
            Recommendations.RecommendationStatus status, DateTimeOffset createdAt, DateTimeOffset? respondedAt) => new Dictionary<string, object?>
        {
            [sent ? "to" : "from"] = other,
            ["tmdbId"] = tmdbId,
            ["type"] = Name(type),
            ["title"] = title,
            ["message"] = message,
            ["status"] = SnakeCaseEnum<Recommendations.RecommendationStatus>.ToName(status),
            ["createdAt"] = createdAt,
            ["respondedAt"] = respondedAt,
        };

        var manifest = new
        {
            format = FormatName,
            version = Version,
            exportedAt = now,
            watchlistFile = "watchlist.json",
            profile = new
            {
                email = profile.Email,
                name = profile.Name,
                bio = profile.Bio,
                preferences = profile.Preferences is null ? (JsonElement?)null : JsonDocument.Parse(profile.Preferences).RootElement,
                createdAt = profile.CreatedAt,
            },
            families = families.Select(f => new { id = f.FamilyId, name = f.Name, role = SnakeCaseEnum<Families.FamilyRole>.ToName(f.Role), joinedAt = f.JoinedAt }),
            recommendationsSent = recommendations.Where(r => r.Sent)
                .Select(r => Recommendation(true, r.Other, r.TmdbId, r.TmdbType, r.Title, r.Message, r.Status, r.CreatedAt, r.RespondedAt)),
            recommendationsReceived = recommendations.Where(r => !r.Sent)
                .Select(r => Recommendation(false, r.Other, r.TmdbId, r.TmdbType, r.Title, r.Message, r.Status, r.CreatedAt, r.RespondedAt)),
        };
        await using var stream = zip.CreateEntry("infocus-export.json", CompressionLevel.Optimal).Open();
        await JsonSerializer.SerializeAsync(stream, manifest, InFocusJson.Options, cancellationToken);
    }

    private async Task WriteWatchlistJsonAsync(ZipArchive zip, CurrentUser user, CancellationToken cancellationToken)
    {
        await using var stream = zip.CreateEntry("watchlist.json", CompressionLevel.Optimal).Open();
        await using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartArray();
        await foreach (var e in Entries(user).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteNumber("tmdbId", e.TmdbId);
            json.WriteString("type", Name(e.Type));
            json.WriteString("title", e.Title);
            if (e.ReleaseDate is { } date)
            {
                json.WriteNumber("year", date.Year);
            }

            json.WriteString("status", SnakeCaseEnum<WatchStatus>.ToName(e.Status));
            if (e.Rating is { } rating)
            {
                json.WriteNumber("rating", rating);
            }

            if (e.Notes is { } notes)
            {
                json.WriteString("notes", notes);
            }

            json.WriteString("dateAdded", e.DateAdded.ToUniversalTime());
            json.WriteString("dateUpdated", e.DateUpdated.ToUniversalTime());
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>Two files, one query each: a ZIP being written has one entry open at a time.</summary>
    private async Task WriteLetterboxdAsync(ZipArchive zip, CurrentUser user, CancellationToken cancellationToken)
    {
        await WriteLetterboxdFileAsync(zip, "watched.csv", user, watched: true, cancellationToken);
        await WriteLetterboxdFileAsync(zip, "watchlist.csv", user, watched: false, cancellationToken);
    }

    private async Task WriteLetterboxdFileAsync(ZipArchive zip, string name, CurrentUser user, bool watched, CancellationToken cancellationToken)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] headers = watched ? ["tmdbID", "Title", "Year", "Directors", "WatchedDate", "Rating10", "Review"] : ["tmdbID", "Title", "Year", "Directors"];
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        var entries = Entries(user, watched);
        await foreach (var e in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(e.TmdbId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.Title);
            csv.WriteField(e.ReleaseDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(string.Join(", ", e.Creators));
            if (watched)
            {
                csv.WriteField(e.DateUpdated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(e.Rating?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(e.Notes ?? "");
            }

            await csv.NextRecordAsync();
        }
    }

    private static string Name(MediaType type) => SnakeCaseEnum<MediaType>.ToName(type);

    private sealed record ExportEntry(
        int TmdbId, MediaType Type, string Title, DateOnly? ReleaseDate, List<string> Creators, WatchStatus Status, int? Rating,
        string? Notes, DateTimeOffset DateAdded, DateTimeOffset DateUpdated);
}
