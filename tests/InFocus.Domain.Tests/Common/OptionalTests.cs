using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Common;

public sealed class OptionalTests
{
    private sealed record Patch(Optional<string?> Bio, Optional<int?> Rating);

    [Fact]
    public void An_absent_member_is_not_set_and_an_explicit_null_is()
    {
        var patch = JsonSerializer.Deserialize<Patch>("""{"bio":null}""", InFocusJson.Options)!;

        Assert.True(patch.Bio.IsSet);
        Assert.Null(patch.Bio.Value);
        Assert.False(patch.Rating.IsSet);
    }

    [Fact]
    public void A_present_value_is_read_with_the_member_type()
    {
        var patch = JsonSerializer.Deserialize<Patch>("""{"bio":"hello","rating":7}""", InFocusJson.Options)!;

        Assert.Equal("hello", patch.Bio.Value);
        Assert.Equal(7, patch.Rating.Value);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_a_json_error_at_its_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Patch>("""{"rating":"seven"}""", InFocusJson.Options));

        Assert.Equal("$.rating", error.Path);
    }

    [Fact]
    public void Reading_an_absent_value_is_a_bug() => Assert.Throws<InvalidOperationException>(() => default(Optional<string>).Value);
}
