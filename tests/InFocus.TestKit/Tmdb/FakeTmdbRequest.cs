using Microsoft.AspNetCore.WebUtilities;

namespace InFocus.TestKit.Tmdb;

/// <summary>A request <see cref="FakeTmdbServer"/> received. <see cref="Path"/> is relative to <c>/3/</c> (<c>movie/550</c>).</summary>
public sealed record FakeTmdbRequest(string Method, string Path, string QueryString, string? Authorization, TimeSpan ReceivedAt)
{
    /// <summary>A query parameter's value, or null when absent.</summary>
    public string? Query(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var value) ? value.ToString() : null;
}
