using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;

namespace InFocus.EndToEnd.Tests.Media;

/// <summary>The host for the Media tests, its TMDB client pointed at a <see cref="FakeTmdbServer"/>.</summary>
public sealed class MediaHostFixture : DevHostFixture
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

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Media over HTTP";
}
