using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Media;

/// <summary>The host for the Media tests, with a fake TMDB of its own (<see cref="TmdbHostFixture"/>).</summary>
public sealed class MediaHostFixture : TmdbHostFixture;

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Media over HTTP";
}
