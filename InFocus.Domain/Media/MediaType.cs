namespace InFocus.Domain.Media;

/// <summary>TMDB's kind of title. A TMDB id is unique only together with it.</summary>
public enum MediaType
{
    Movie,
    Tv,
}
