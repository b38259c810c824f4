using InFocus.Domain.Accounts;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Watchlist;

public sealed class WatchlistStatisticsTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Counts_every_status_averages_the_ratings_given_and_counts_genres_most_frequent_first()
    {
        var user = Entities.User();
        var other = Entities.User();
        var (heat, alien, up, fargo) = (Title("Heat", "Crime", "Drama"), Title("Alien", "Horror", "Science Fiction"), Title("Up", "Animation"), Title("Fargo", "Crime", "Drama", "Comedy"));
        await fixture.SaveAsync(
            user, other, heat, alien, up, fargo,
            Entities.WatchlistEntry(user, heat, WatchStatus.Completed, rating: 9),
            Entities.WatchlistEntry(user, alien, WatchStatus.Completed, rating: 8),
            Entities.WatchlistEntry(user, up, WatchStatus.NotWatched),
            Entities.WatchlistEntry(user, fargo, WatchStatus.Completed, rating: 6),
            Entities.WatchlistEntry(other, up, WatchStatus.Watching, rating: 1));

        var stats = await StatsAsync(user);

        Assert.Equal(4, stats.Total);
        Assert.Equal(
            [new(WatchStatus.NotWatched, 1), new(WatchStatus.Watching, 0), new(WatchStatus.Completed, 3)],
            stats.Statuses);
        Assert.Equal((3, 7.67m), (stats.Rated, stats.AverageRating));
        Assert.Equal(
            [new("Crime", 2), new("Drama", 2), new("Animation", 1), new("Comedy", 1), new("Horror", 1), new("Science Fiction", 1)],
            stats.Genres);
    }

    [Fact]
    public async Task An_empty_watchlist_has_zero_counts_and_no_average()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);

        var stats = await StatsAsync(user);

        Assert.Equal(0, stats.Total);
        Assert.All(stats.Statuses, s => Assert.Equal(0, s.Count));
        Assert.Equal(3, stats.Statuses.Count);
        Assert.Null(stats.AverageRating);
        Assert.Empty(stats.Genres);
    }

    private static MediaItem Title(string title, params string[] genres)
    {
        var media = Entities.MediaItem(title);
        media.Genres = [.. genres];
        return media;
    }

    private Task<WatchlistStatsResponse> StatsAsync(User user) =>
        fixture.WithAsync<WatchlistStatistics, WatchlistStatsResponse>(s => s.GetAsync(user.AsCaller(), default));
}
