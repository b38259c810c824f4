using InFocus.TestKit.Tmdb;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// A host whose TMDB client points at a <see cref="FakeTmdbServer"/> of its own, started before the host (and stocked
/// by <see cref="Stock"/>) and stopped after it.
/// </summary>
public abstract class TmdbHostFixture : DevHostFixture
{
    private FakeTmdbServer? _tmdb;

    public FakeTmdbServer Tmdb => _tmdb ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override async Task InitializeAsync()
    {
        _tmdb = await FakeTmdbServer.StartAsync();
        Stock(_tmdb);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_tmdb is not null)
        {
            await _tmdb.DisposeAsync();
        }
    }

    /// <summary>Adds the titles (and sets the latency) the fixture's tests need, before the host starts.</summary>
    protected virtual void Stock(FakeTmdbServer tmdb)
    {
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in Tmdb.TestHostSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
