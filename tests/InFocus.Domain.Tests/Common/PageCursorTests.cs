using System.Buffers.Text;
using System.Text;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Common;

/// <summary>A cursor comes back from the client: whatever it holds, decoding it is the position or a 400, never a failed query.</summary>
public sealed class PageCursorTests
{
    private const string Kind = "things";

    [Fact]
    public void A_cursor_decodes_to_the_position_it_was_made_from()
    {
        var position = new Position(2, "Heat", DateTimeOffset.UnixEpoch);

        Assert.Equal(position, PageCursor.Decode<Position>(Kind, PageCursor.Encode(Kind, position)));
    }

    [Theory]
    [InlineData("""{"Kind":"other","Position":{"Count":1,"Name":"a","At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"Kind":"things","Position":{"Count":1,"Name":"a\u0000b","At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"Kind":"things","Position":{"Count":1,"Name":null,"At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"Kind":"things","Position":{"Count":1,"At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"Kind":"things","Position":{"Count":"1","Name":"a","At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"Kind":"things","Position":null}""")]
    [InlineData("""{"Kind":null,"Position":{"Count":1,"Name":"a","At":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("[]")]
    public void A_cursor_of_another_list_or_with_members_missing_null_or_holding_nul_is_a_validation_error(string json)
    {
        var error = Assert.Throws<ValidationException>(() => PageCursor.Decode<Position>(Kind, Encode(json)));

        Assert.Equal(["cursor"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24")]
    public void A_cursor_that_is_not_base64url_json_is_a_validation_error(string cursor) =>
        Assert.Throws<ValidationException>(() => PageCursor.Decode<Position>(Kind, cursor));

    [Fact]
    public void A_time_in_another_offset_decodes_as_the_same_instant_in_utc()
    {
        var cursor = Encode("""{"Kind":"things","Position":{"Count":1,"Name":"a","At":"2026-01-01T05:00:00+05:00"}}""");

        var at = PageCursor.Decode<Position>(Kind, cursor).At;

        Assert.Equal((new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero), (at, at.Offset));
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private sealed record Position(int Count, string Name, DateTimeOffset At);
}
