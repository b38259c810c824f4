using InFocus.Domain.Media.Tmdb;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Media;

/// <summary>
/// Full image URLs from the TMDB image paths stored with titles: <c>{Tmdb:ImageBaseUrl}{size}{path}</c>. Posters are
/// w500, backdrops w1280 and provider logos w92 (TMDB's sizes closest to how clients show them).
/// </summary>
public sealed class MediaImages(IOptions<TmdbOptions> options)
{
    public const string PosterSize = "w500";
    public const string BackdropSize = "w1280";
    public const string LogoSize = "w92";
    public const string StillSize = "w300";

    public string? Poster(string? path) => Url(PosterSize, path);

    public string? Backdrop(string? path) => Url(BackdropSize, path);

    public string? Logo(string? path) => Url(LogoSize, path);

    /// <summary>An episode's still (w300).</summary>
    public string? Still(string? path) => Url(StillSize, path);

    private string? Url(string size, string? path) =>
        string.IsNullOrEmpty(path) ? null : $"{options.Value.ImageBaseUrl.AbsoluteUri}{size}{path}";
}
