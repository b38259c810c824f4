using System.Collections.Concurrent;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Common;

public sealed class CuidTests
{
    [Fact]
    public void An_id_is_25_url_safe_lowercase_characters_starting_with_c()
    {
        var id = Cuid.NewId();

        Assert.Equal(25, id.Length);
        Assert.StartsWith("c", id, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-z]+$", id);
        Assert.True(Cuid.IsValid(id));
    }

    [Fact]
    public void Ids_made_concurrently_never_collide()
    {
        var ids = new ConcurrentBag<string>();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(Cuid.NewId());
            }
        });

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ids_sort_by_creation_time_across_milliseconds()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 100).Select(i => Cuid.NewId(start.AddMilliseconds(i * 7))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c123")]
    [InlineData("C0000000000000000000000000")]
    [InlineData("x00000000000000000000000a")]
    [InlineData("c0000000000000000000000A")]
    [InlineData("c00000000000000000000000-")]
    public void Malformed_ids_are_not_valid(string? value) => Assert.False(Cuid.IsValid(value));
}
