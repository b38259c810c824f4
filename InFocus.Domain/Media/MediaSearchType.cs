namespace InFocus.Domain.Media;

/// <summary>What a title search looks for: <c>all</c> (movies and shows), <c>movie</c> or <c>tv</c>.</summary>
public enum MediaSearchType
{
    All,
    Movie,
    Tv,
}
