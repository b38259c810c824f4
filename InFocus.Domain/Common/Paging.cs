using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InFocus.Domain.Common;

/// <summary>A validated page request: how many items and where to continue.</summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public const int MaxCursorLength = 1_024;

    public static PageRequest First { get; } = new(DefaultLimit, null);

    /// <summary>Validates raw query values; a missing limit means <see cref="DefaultLimit"/>.</summary>
    public static PageRequest Create(string? limit, string? cursor)
    {
        var validation = new Validation();
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out size) || size < 1 || size > MaxLimit))
        {
            validation.Add("limit", $"must be an integer between 1 and {MaxLimit}.");
        }

        if (cursor is { Length: > MaxCursorLength })
        {
            validation.Add("cursor", "is not a valid cursor.");
        }

        validation.ThrowIfInvalid();
        return new PageRequest(size, string.IsNullOrEmpty(cursor) ? null : cursor);
    }
}

/// <summary>One page of a list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>The same page with each item converted (for example rows read from the database into responses).</summary>
    public Page<TResult> Map<TResult>(Func<T, TResult> convert) => new(Items.Select(convert).ToList(), NextCursor);
}

/// <summary>
/// Opaque keyset cursors: the position of the last item of a page, serialized and base64url-encoded.
/// The kind tag stops a cursor of one list from being replayed against another.
/// </summary>
public static class PageCursor
{
    /// <summary>
    /// Cursors come back from clients, so decoding accepts only what <see cref="Encode{T}"/> can have written and what
    /// a query can take as a parameter: every member present, no null where the position's type forbids it, no U+0000
    /// in a string (PostgreSQL text cannot hold it) and times in UTC (the only offset timestamptz parameters take).
    /// Anything else would fail the page's query instead of being the client's 400.
    /// </summary>
    private static readonly JsonSerializerOptions DecodeOptions = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new NulFreeStringConverter(), new UtcDateTimeOffsetConverter() },
    };

    private sealed record Envelope<T>(string Kind, T Position);

    public static string Encode<T>(string kind, T position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(kind, position)));

    /// <summary>Decodes a cursor made by <see cref="Encode{T}"/> for the same kind; anything else is a 400.</summary>
    public static T Decode<T>(string kind, string cursor)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<T>>(Base64Url.DecodeFromChars(cursor), DecodeOptions);
            if (envelope is not null && envelope.Kind == kind && envelope.Position is not null)
            {
                return envelope.Position;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Falls through to the validation error below: a tampered or foreign cursor is the client's mistake.
        }

        throw ValidationException.For("cursor", "is not a valid cursor for this list.");
    }

    /// <summary>
    /// Builds a page from up to <c>limit + 1</c> rows fetched in order: the extra row only proves there is a next page.
    /// </summary>
    public static Page<TItem> ToPage<TItem, TPosition>(IReadOnlyList<TItem> rows, int limit, string kind, Func<TItem, TPosition> position)
    {
        if (rows.Count <= limit)
        {
            return new Page<TItem>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        return new Page<TItem>(items, Encode(kind, position(items[^1])));
    }

    private sealed class NulFreeStringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString()!;
            return value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("A cursor string holds U+0000.") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
