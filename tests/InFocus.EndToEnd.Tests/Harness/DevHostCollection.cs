namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>Tests of the plain app over HTTP, sharing one <see cref="DevHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "InFocus over HTTP";
}
