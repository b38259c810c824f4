using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Media;

/// <summary>The refresh job within its time budget: one title at a time, and each TMDB request moves the clock on.</summary>
public sealed class StreamingProviderRefreshBudgetTests(StreamingProviderRefreshBudgetTests.Fixture fixture)
    : IClassFixture<StreamingProviderRefreshBudgetTests.Fixture>
{
    [Fact]
    public async Task No_title_is_started_once_the_time_budget_is_spent()
    {
        foreach (var (type, id) in new[] { (MediaType.Movie, TmdbFixtures.FightClub), (MediaType.Movie, TmdbFixtures.ShawshankRedemption), (MediaType.Tv, TmdbFixtures.BreakingBad) })
        {
            await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.ImportAsync(id, type, CancellationToken.None));
        }

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        fixture.Tmdb.OnRequest = _ => fixture.Clock.Advance(TimeSpan.FromSeconds(6));

        var report = await fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(CancellationToken.None));

        Assert.Equal(new ProviderRefreshReport(2, 0, 0, ProviderRefreshStop.TimeBudgetSpent), report);
        Assert.Equal(1, await fixture.DbAsync(db => db.MediaItems.CountAsync(m => m.ProvidersRefreshedAt < fixture.Clock.GetUtcNow() - TimeSpan.FromDays(1))));
    }

    public sealed class Fixture : TmdbDomainFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Tmdb__RefreshParallelism"] = "1";
            settings["Tmdb__RefreshTimeBudget"] = "00:00:10";
            return settings;
        }
    }
}

/// <summary>The refresh job stops when TMDB as a whole is down (its circuit opens) instead of failing title after title.</summary>
public sealed class StreamingProviderRefreshOutageTests(StreamingProviderRefreshOutageTests.Fixture fixture)
    : IClassFixture<StreamingProviderRefreshOutageTests.Fixture>
{
    [Fact]
    public async Task The_run_stops_when_the_circuit_opens_and_the_rest_waits_for_the_next_run()
    {
        await fixture.DbAsync(db =>
        {
            db.MediaItems.AddRange(TmdbFixtures.Titles.Select(t => new MediaItem { TmdbId = t.Id, TmdbType = t.Type, Title = $"Title {t.Id}" }));
            return db.SaveChangesAsync();
        });
        fixture.Tmdb.StartOutage(FakeTmdbReply.Status(500));

        var report = await fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(CancellationToken.None));

        Assert.Equal(new ProviderRefreshReport(0, 3, 0, ProviderRefreshStop.TmdbUnavailable), report);
        Assert.Equal(2, fixture.Tmdb.Requests.Count);
        Assert.Equal(TmdbFixtures.Titles.Count, await fixture.DbAsync(db => db.MediaItems.CountAsync(m => m.ProvidersRefreshedAt == null)));
    }

    public sealed class Fixture : TmdbDomainFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Tmdb__RefreshParallelism"] = "1";
            settings["Tmdb__MaxRetries"] = "0";
            settings["Tmdb__CircuitBreakerMinimumThroughput"] = "2";
            return settings;
        }
    }
}
