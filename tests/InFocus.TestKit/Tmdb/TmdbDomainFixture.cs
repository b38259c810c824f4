namespace InFocus.TestKit.Tmdb;

/// <summary>
/// <see cref="DomainFixture"/> with a <see cref="FakeTmdbServer"/> the domain's TMDB client talks to, using
/// <see cref="FakeTmdbServer.FastClientSettings"/> so failure tests stay quick.
/// </summary>
public class TmdbDomainFixture : DomainFixture
{
    private FakeTmdbServer? _tmdb;

    public FakeTmdbServer Tmdb => _tmdb ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override async Task InitializeAsync()
    {
        _tmdb = await FakeTmdbServer.StartAsync();
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
