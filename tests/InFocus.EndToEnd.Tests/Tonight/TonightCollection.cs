using InFocus.EndToEnd.Tests.Media;

namespace InFocus.EndToEnd.Tests.Tonight;

/// <summary>
/// My services, Tonight and notifications over HTTP: a host (with the fake TMDB) and database of their own, since these
/// tests import the recorded titles that the Media tests expect to find not yet imported.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TonightCollection : ICollectionFixture<MediaHostFixture>
{
    public const string Name = "Services, Tonight and notifications over HTTP";
}
