using System.Globalization;
using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Common;

public sealed class InFocusJsonTests
{
    private sealed record Stamped(DateTimeOffset At);

    [Theory]
    [InlineData("2026-12-06T21:05:09.1234567+02:00", "2026-12-06T19:05:09.123Z")]
    [InlineData("2026-01-01T00:00:00-05:00", "2026-01-01T05:00:00.000Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.999Z")]
    public void Times_are_written_in_UTC_with_milliseconds_and_a_Z(string at, string written)
    {
        var json = JsonSerializer.Serialize(new Stamped(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)), InFocusJson.Options);

        Assert.Equal($$"""{"at":"{{written}}"}""", json);
    }

    [Fact]
    public void A_time_written_reads_back_as_the_same_instant_to_the_millisecond()
    {
        var at = new DateTimeOffset(2026, 12, 6, 21, 5, 9, 123, TimeSpan.FromHours(2));

        var read = JsonSerializer.Deserialize<Stamped>(JsonSerializer.Serialize(new Stamped(at), InFocusJson.Options), InFocusJson.Options)!;

        Assert.Equal(at, read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
    }
}
