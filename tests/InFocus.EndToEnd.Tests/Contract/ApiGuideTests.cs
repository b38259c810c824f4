using System.Text.RegularExpressions;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// docs/api.md is the guide and the OpenAPI document the reference; what the guide still says about an endpoint must
/// agree with the document: every endpoint it heads a section with exists, and every status its section names (in bold,
/// or in an "Errors:" list) is documented for that operation.
/// </summary>
public sealed partial class ApiGuideTests
{
    private static readonly string Guide = Path.Combine(ContractFiles.RepositoryRoot, "docs", "api.md");

    public static TheoryData<string> Endpoints() => [.. Sections().Select(s => s.Endpoint)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void The_guides_endpoint_and_the_statuses_it_names_are_in_the_document(string endpoint)
    {
        var section = Sections().Single(s => s.Endpoint == endpoint);
        var method = endpoint.Split(' ')[0];
        var path = endpoint.Split(' ')[1]["/api".Length..];
        var operation = ApiContract.Operations.SingleOrDefault(o => o.Method == method && o.Template == path);
        Assert.True(operation is not null, $"docs/api.md describes {endpoint}, which the API does not have.");

        var documented = operation.Responses.Select(r => r.Key).ToHashSet();
        var undocumented = NamedStatuses(section.Text).Distinct().Where(status => !documented.Contains(status)).ToList();

        Assert.True(undocumented.Count == 0, $"docs/api.md names {string.Join(", ", undocumented)} for {endpoint}, which the document does not list.");
    }

    /// <summary>The sections headed <c>### `METHOD /api/path?query`</c>, up to the next heading.</summary>
    private static IEnumerable<(string Endpoint, string Text)> Sections()
    {
        var text = File.ReadAllText(Guide);
        var headings = EndpointHeading().Matches(text);
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + headings[i].Length;
            var next = NextHeading().Match(text, start);
            yield return ($"{headings[i].Groups["method"].Value} {headings[i].Groups["path"].Value}", text[start..(next.Success ? next.Index : text.Length)]);
        }
    }

    private static IEnumerable<string> NamedStatuses(string section) =>
        BoldStatus().Matches(section).Select(m => m.Groups[1].Value)
            .Concat(ErrorsList().Matches(section).SelectMany(m => Status().Matches(m.Value).Select(s => s.Groups[1].Value)));

    [GeneratedRegex(@"^### `(?<method>GET|POST|PATCH|PUT|DELETE) (?<path>/api/[^`?\s]+)[^`]*`", RegexOptions.Multiline)]
    private static partial Regex EndpointHeading();

    [GeneratedRegex(@"^#{1,3} ", RegexOptions.Multiline)]
    private static partial Regex NextHeading();

    [GeneratedRegex(@"\*\*([1-5]\d\d)\b")]
    private static partial Regex BoldStatus();

    // "Errors: 400 (`name`), 403, 404." up to the end of the sentence.
    [GeneratedRegex(@"Errors: [^.]*")]
    private static partial Regex ErrorsList();

    [GeneratedRegex(@"(?<![\d–-])`?([1-5]\d\d)`?(?![\d–-])")]
    private static partial Regex Status();
}
