using System.Collections.Frozen;
using System.Text.Json;

namespace InFocus.Domain.Common;

/// <summary>
/// The wire and database spelling of enum values: snake_case of the member name (<c>NotWatched</c> is
/// <c>not_watched</c>), as the design document writes them.
/// </summary>
public static class SnakeCaseEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllNames => Names.Values;

    public static string ToName(TEnum value) => Names[value];

    public static TEnum FromName(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(TEnum).Name}.");

    public static bool TryParse(string? name, out TEnum value)
    {
        value = default;
        return name is not null && Values.TryGetValue(name, out value);
    }

    /// <summary>Parses an optional query or body value; an unknown name is a validation error naming the allowed values.</summary>
    public static TEnum? ParseOptional(string field, string? name)
    {
        var validation = new Validation();
        var value = ParseOptional(field, name, validation);
        validation.ThrowIfInvalid();
        return value;
    }

    /// <summary>
    /// <see cref="ParseOptional(string, string?)"/> that adds the error to <paramref name="validation"/> instead of
    /// throwing, so it is reported together with the request's other fields.
    /// </summary>
    public static TEnum? ParseOptional(string field, string? name, Validation validation)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (TryParse(name, out var value))
        {
            return value;
        }

        validation.Add(field, $"must be one of: {string.Join(", ", AllNames)}.");
        return null;
    }
}
