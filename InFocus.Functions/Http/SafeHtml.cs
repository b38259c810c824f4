using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;

namespace InFocus.Functions.Http;

/// <summary>
/// A fragment of HTML that is safe to write as it is. The only way to make one is an interpolated string,
/// <c>SafeHtml.Of($"&lt;p&gt;{name}&lt;/p&gt;")</c>, whose literal parts are markup written in code and whose every
/// interpolated value is HTML-encoded unless it is itself a <see cref="SafeHtml"/>. So text from users (names, addresses)
/// can never become markup, in element content and quoted attribute values alike.
/// </summary>
public readonly struct SafeHtml : IEquatable<SafeHtml>
{
    private readonly string? _markup;

    internal SafeHtml(string markup) => _markup = markup;

    public static SafeHtml Empty => default;

    public static SafeHtml Of(ref SafeHtmlBuilder html) => html.Build();

    /// <summary>The fragments one after the other.</summary>
    public static SafeHtml Join(IEnumerable<SafeHtml> fragments) => new(string.Concat(fragments.Select(f => f.ToString())));

    public override string ToString() => _markup ?? "";

    public bool Equals(SafeHtml other) => ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is SafeHtml other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(SafeHtml left, SafeHtml right) => left.Equals(right);

    public static bool operator !=(SafeHtml left, SafeHtml right) => !left.Equals(right);
}

/// <summary>Builds a <see cref="SafeHtml"/> from an interpolated string, encoding every value (see there).</summary>
[InterpolatedStringHandler]
public ref struct SafeHtmlBuilder
{
    private DefaultInterpolatedStringHandler _markup;

    public SafeHtmlBuilder(int literalLength, int formattedCount) =>
        _markup = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string markup) => _markup.AppendLiteral(markup);

    public void AppendFormatted(SafeHtml fragment) => _markup.AppendLiteral(fragment.ToString());

    public void AppendFormatted(string? text) => _markup.AppendLiteral(HtmlEncoder.Default.Encode(text ?? ""));

    public void AppendFormatted<T>(T value, string? format = null)
        where T : IFormattable => AppendFormatted(value.ToString(format, CultureInfo.InvariantCulture));

    internal SafeHtml Build() => new(_markup.ToStringAndClear());
}
