using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InFocus.Domain.Common;

/// <summary>
/// The API's JSON dialect: camelCase members, enums as their snake_case names (<c>not_watched</c>), times as UTC
/// ISO-8601 with a <c>Z</c> suffix. Every host and test serializes with these options.
/// </summary>
public static class InFocusJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        private const int MaxLength = 24; // 9999-12-31T23:59:59.999Z

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            // Formatted in place: a string per time would be garbage by the next line (a page writes two per entry).
            Span<byte> utf8 = stackalloc byte[MaxLength];
            if (!value.UtcDateTime.TryFormat(utf8, out var length, Format, CultureInfo.InvariantCulture))
            {
                throw new UnreachableException($"A UTC time in '{Format}' takes at most {MaxLength} bytes.");
            }

            writer.WriteStringValue(utf8[..length]);
        }
    }
}
