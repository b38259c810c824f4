using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace InFocus.Baseline;

/// <summary>
/// The benchmarked endpoints on raw Npgsql: one pooled connection per request, the captured statements, rows written
/// straight to the response as the same JSON InFocus answers (camelCase, times in UTC with milliseconds).
/// </summary>
internal static class BaselineEndpoints
{
    private const int MaxLimit = 200;
    private const string ImageBaseUrl = "https://image.tmdb.org/t/p/w500";

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/health", () => Results.Text("""{"status":"healthy"}""", "application/json"));
        app.MapGet("/api/me", Me);
        app.MapGet("/api/watchlist", Watchlist);
        app.MapGet("/api/watchlist/{id}", WatchlistEntry);
    }

    private static Task Me(HttpContext context, NpgsqlDataSource database, AccessTokenCheck tokens) =>
        Authenticated(context, database, tokens, async (connection, userId, json, cancellationToken) =>
        {
            await using var command = new NpgsqlCommand(BaselineSql.Me, connection) { Parameters = { new() { Value = userId } } };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return StatusCodes.Status404NotFound;
            }

            json.WriteStartObject();
            json.WriteStartObject("user");
            json.WriteString("id", reader.GetString(0));
            json.WriteString("email", reader.GetString(2));
            json.WriteString("name", reader.GetString(3));
            WriteTime(json, "createdAt", reader.GetDateTime(1));
            WriteTime(json, "updatedAt", reader.GetDateTime(6));
            json.WriteEndObject();
            json.WriteStartObject("profile");
            var hasProfile = !reader.IsDBNull(7);
            WriteNullable(json, "bio", hasProfile && !reader.IsDBNull(9) ? reader.GetString(9) : null);
            WriteNullable(json, "avatar", hasProfile && !reader.IsDBNull(8) ? reader.GetString(8) : null);
            json.WritePropertyName("preferences");
            json.WriteRawValue(hasProfile ? reader.GetString(11) : "{}");
            WriteTime(json, "updatedAt", reader.GetDateTime(hasProfile ? 12 : 6));
            json.WriteEndObject();
            json.WriteNumber("unreadNotifications", reader.GetInt32(14));
            json.WriteEndObject();
            return StatusCodes.Status200OK;
        });

    private static Task Watchlist(HttpContext context, NpgsqlDataSource database, AccessTokenCheck tokens) =>
        Authenticated(context, database, tokens, async (connection, userId, json, cancellationToken) =>
        {
            if (!int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
            {
                limit = 50;
            }

            await using var command = new NpgsqlCommand(BaselineSql.WatchlistPage, connection)
            {
                Parameters = { new() { Value = userId }, new() { Value = limit + 1 } },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            json.WriteStartObject();
            json.WriteStartArray("items");
            var count = 0;
            (DateTime Key, string Id)? last = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (++count > limit)
                {
                    break;
                }

                WriteEntry(json, reader);
                last = (reader.GetDateTime(1), reader.GetString(0));
            }

            json.WriteEndArray();
            WriteNullable(json, "nextCursor", count > limit && last is { } position ? Cursor(position.Key, position.Id) : null);
            json.WriteEndObject();
            return StatusCodes.Status200OK;
        });

    private static Task WatchlistEntry(HttpContext context, string id, NpgsqlDataSource database, AccessTokenCheck tokens) =>
        Authenticated(context, database, tokens, async (connection, userId, json, cancellationToken) =>
        {
            await using var command = new NpgsqlCommand(BaselineSql.WatchlistEntry, connection)
            {
                Parameters = { new() { Value = userId }, new() { Value = id } },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return StatusCodes.Status404NotFound;
            }

            context.Response.Headers.ETag = ETag(reader.GetFieldValue<uint>(10));
            WriteEntry(json, reader);
            return StatusCodes.Status200OK;
        });

    private static async Task Authenticated(
        HttpContext context,
        NpgsqlDataSource database,
        AccessTokenCheck tokens,
        Func<NpgsqlConnection, string, Utf8JsonWriter, CancellationToken, Task<int>> handle)
    {
        var cancellationToken = context.RequestAborted;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await tokens.UserAsync(context.Request, connection, cancellationToken) is not { } userId)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = new ArrayBufferWriter<byte>(4096);
        int status;
        await using (var json = new Utf8JsonWriter(body))
        {
            status = await handle(connection, userId, json, cancellationToken);
        }

        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (status == StatusCodes.Status200OK)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(body.WrittenMemory, cancellationToken);
        }
    }

    // Columns of BaselineSql.WatchlistPage and WatchlistEntry.
    private static void WriteEntry(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartObject();
        json.WriteString("id", reader.GetString(0));
        json.WriteString("status", reader.GetString(7));
        if (reader.IsDBNull(6))
        {
            json.WriteNull("rating");
        }
        else
        {
            json.WriteNumber("rating", reader.GetInt32(6));
        }

        WriteNullable(json, "notes", reader.IsDBNull(5) ? null : reader.GetString(5));
        WriteTime(json, "dateAdded", reader.GetDateTime(1));
        WriteTime(json, "dateUpdated", reader.GetDateTime(2));
        json.WriteString("etag", ETag(reader.GetFieldValue<uint>(10)));
        json.WriteStartObject("media");
        json.WriteString("id", reader.GetString(11));
        json.WriteNumber("tmdbId", reader.GetInt32(12));
        json.WriteString("type", reader.GetString(13));
        json.WriteString("title", reader.GetString(14));
        WriteNullable(json, "posterUrl", reader.IsDBNull(15) ? null : ImageBaseUrl + reader.GetString(15));
        WriteNullable(json, "releaseDate", reader.IsDBNull(16) ? null : reader.GetFieldValue<DateOnly>(16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("genres");
        foreach (var genre in reader.GetFieldValue<string[]>(17))
        {
            json.WriteStringValue(genre);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNull("availableOn");
        json.WriteEndObject();
    }

    private static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime utc) =>
        json.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    // The same shape as InFocus's keyset cursor: base64url JSON of the list kind and the last row's key and id.
    private static string Cursor(DateTime key, string id)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Kind", "watchlist:added:desc:all");
            json.WriteStartObject("Position");
            json.WriteString("Key", key);
            json.WriteString("Id", id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }
}
