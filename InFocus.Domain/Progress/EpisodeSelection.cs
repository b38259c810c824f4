using System.Globalization;
using InFocus.Domain.Common;

namespace InFocus.Domain.Progress;

/// <summary>
/// Turns the selection of <see cref="RecordViewingsRequest"/> (one episode, a list, a season, everything up to an
/// episode) into the show's episode ids, against the show's episodes read once. An unknown single episode or season
/// is a 404; a list or <c>upTo</c> naming an episode that does not exist, or one that has not aired, a 400 naming it.
/// Whole seasons and <c>upTo</c> take aired episodes only (and <c>upTo</c> regular seasons only).
/// </summary>
internal static class EpisodeSelection
{
    public static IReadOnlyList<string?> Select(RecordViewingsRequest request, IReadOnlyList<EpisodeKey> episodes, DateOnly today)
    {
        var forms = (request.Season is not null ? 1 : 0) + (request.Episodes is not null ? 1 : 0) + (request.UpTo is not null ? 1 : 0);
        if (request.Episode is not null && request.Season is null)
        {
            throw ValidationException.For("season", "is required with episode.");
        }

        if (forms != 1)
        {
            throw ValidationException.For(
                forms == 0 ? "season" : "episodes",
                "name exactly one of: an episode (season and episode), a list (episodes), a whole season (season) or upTo.");
        }

        var byNumber = episodes.ToDictionary(e => (e.Season, e.Number));
        if (request.Episodes is { } list)
        {
            return List(list, byNumber, today);
        }

        if (request.UpTo is { } upTo)
        {
            return UpTo(upTo, byNumber, episodes, today);
        }

        var season = RequireNumber("season", request.Season);
        if (request.Episode is not null)
        {
            var number = RequireNumber("episode", request.Episode);
            var episode = byNumber.GetValueOrDefault((season, number)) ?? throw new NotFoundException(Name(season, number));
            return ProgressService.IsAired(episode.AirDate, today)
                ? [episode.Id]
                : throw ValidationException.For("episode", $"{Name(season, number)} has not aired yet.");
        }

        var ofSeason = episodes.Where(e => e.Season == season).ToList();
        if (ofSeason.Count == 0)
        {
            throw new NotFoundException(Name(season, null));
        }

        var aired = ofSeason.Where(e => ProgressService.IsAired(e.AirDate, today)).Select(e => (string?)e.Id).ToList();
        return aired.Count > 0 ? aired : throw ValidationException.For("season", $"{Name(season, null)} has no aired episodes yet.");
    }

    /// <summary>"Season 2, episode 5" or "Season 2".</summary>
    public static string Name(int season, int? episode) => episode is { } number
        ? string.Create(CultureInfo.InvariantCulture, $"Season {season}, episode {number}")
        : string.Create(CultureInfo.InvariantCulture, $"Season {season}");

    private static List<string?> List(
        IReadOnlyList<EpisodeNumber> list, Dictionary<(int, int), EpisodeKey> byNumber, DateOnly today)
    {
        if (list.Count == 0 || list.Count > ProgressService.MaxEpisodesPerRequest)
        {
            throw ValidationException.For("episodes", $"must name 1 to {ProgressService.MaxEpisodesPerRequest} episodes.");
        }

        var validation = new Validation();
        var ids = new List<string?>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"episodes[{i}]");
            if (list[i] is not { Season: >= 0 and var season, Episode: >= 0 and var number })
            {
                validation.Add(field, "needs a season and an episode, 0 or more.");
                continue;
            }

            if (!byNumber.TryGetValue((season, number), out var episode))
            {
                validation.Add(field, $"{Name(season, number)} does not exist.");
            }
            else if (!ProgressService.IsAired(episode.AirDate, today))
            {
                validation.Add(field, $"{Name(season, number)} has not aired yet.");
            }
            else
            {
                ids.Add(episode.Id);
            }
        }

        validation.ThrowIfInvalid();
        return ids.Distinct().ToList();
    }

    private static List<string?> UpTo(
        EpisodeNumber upTo, Dictionary<(int, int), EpisodeKey> byNumber, IReadOnlyList<EpisodeKey> episodes, DateOnly today)
    {
        if (upTo is not { Season: >= 1 and var season, Episode: >= 0 and var number })
        {
            throw ValidationException.For("upTo", "needs a season (1 or more) and an episode.");
        }

        if (!byNumber.ContainsKey((season, number)))
        {
            throw ValidationException.For("upTo", $"{Name(season, number)} does not exist.");
        }

        return episodes
            .Where(e => e.Season >= 1 && (e.Season < season || (e.Season == season && e.Number <= number)))
            .Where(e => ProgressService.IsAired(e.AirDate, today))
            .Select(e => (string?)e.Id)
            .ToList();
    }

    private static int RequireNumber(string field, int? value) =>
        value is >= 0 and <= 10_000 ? value.Value : throw ValidationException.For(field, "must be a whole number from 0 to 10000.");
}
