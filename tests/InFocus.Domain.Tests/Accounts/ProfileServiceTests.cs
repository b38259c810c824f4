using System.Text.Json;
using System.Text.Json.Nodes;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Accounts;

public sealed class ProfileServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Me_is_the_user_with_an_empty_profile_after_registration()
    {
        var account = await fixture.RegisterAsync(name: "Grace Hopper");

        var me = await fixture.WithAsync<ProfileService, MeResponse>(s => s.GetAsync(account.User, default));

        Assert.Equal((account.UserId, account.Email, "Grace Hopper"), (me.User.Id, me.User.Email, me.User.Name));
        Assert.Null(me.Profile.Bio);
        Assert.Null(me.Profile.Avatar);
        Assert.Equal(JsonValueKind.Object, me.Profile.Preferences.ValueKind);
        Assert.Empty(me.Profile.Preferences.EnumerateObject());
    }

    [Fact]
    public async Task The_name_is_changed_trimmed()
    {
        var account = await fixture.RegisterAsync();

        var me = await fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateNameAsync(account.User, new UpdateMeRequest("  Katherine Johnson "), default));

        Assert.Equal("Katherine Johnson", me.User.Name);
        Assert.Equal("Katherine Johnson", (await GetAsync(account)).User.Name);
    }

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("   ", "is required.")]
    [InlineData("a\0b", "must not contain NUL characters.")]
    public async Task An_invalid_name_is_refused(string? name, string message)
    {
        var account = await fixture.RegisterAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateNameAsync(account.User, new UpdateMeRequest(name), default)));

        Assert.Equal(message, Assert.Single(error.Errors["name"]));
    }

    [Fact]
    public async Task Profile_members_that_are_absent_stay_and_null_clears()
    {
        var account = await fixture.RegisterAsync();
        await PatchAsync(account, """{"bio":"Film nerd","avatar":"https://cdn.example.com/a.png","preferences":{"theme":"dark"}}""");

        var kept = await PatchAsync(account, """{"bio":"Series nerd"}""");
        Assert.Equal(("Series nerd", "https://cdn.example.com/a.png"), (kept.Profile.Bio, kept.Profile.Avatar));
        Assert.Equal("dark", kept.Profile.Preferences.GetProperty("theme").GetString());

        var cleared = await PatchAsync(account, """{"bio":null,"avatar":null}""");
        Assert.Null(cleared.Profile.Bio);
        Assert.Null(cleared.Profile.Avatar);
        Assert.Equal("dark", (await GetAsync(account)).Profile.Preferences.GetProperty("theme").GetString());
    }

    [Fact]
    public async Task Preferences_are_merged_as_rfc_7396_describes()
    {
        var account = await fixture.RegisterAsync();
        await PatchAsync(account, """{"preferences":{"theme":"dark","regions":["US"],"notify":{"email":true,"push":false}}}""");

        var me = await PatchAsync(account, """{"preferences":{"regions":["GB","IE"],"notify":{"push":null,"sms":true},"theme":null}}""");

        var expected = JsonNode.Parse("""{"regions":["GB","IE"],"notify":{"email":true,"sms":true}}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(me.Profile.Preferences.GetRawText())), me.Profile.Preferences.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse((await GetAsync(account)).Profile.Preferences.GetRawText())));
    }

    [Fact]
    public async Task Null_preferences_reset_them_to_an_empty_object()
    {
        var account = await fixture.RegisterAsync();
        await PatchAsync(account, """{"preferences":{"theme":"dark"}}""");

        var me = await PatchAsync(account, """{"preferences":null}""");

        Assert.Equal("{}", me.Profile.Preferences.GetRawText());
    }

    public static TheoryData<string, string, string> InvalidPatches => new()
    {
        { $$$"""{"bio":"{{{new string('b', FieldLimits.Bio + 1)}}}"}""", "bio", "must be at most 1000 characters." },
        { """{"avatar":"ftp://example.com/a.png"}""", "avatar", "must be an absolute http(s) URL." },
        { """{"avatar":"/images/a.png"}""", "avatar", "must be an absolute http(s) URL." },
        { """{"avatar":"javascript:alert(1)"}""", "avatar", "must be an absolute http(s) URL." },
        { """{"preferences":["dark"]}""", "preferences", "must be a JSON object (a merge patch) or null." },
        { """{"preferences":"dark"}""", "preferences", "must be a JSON object (a merge patch) or null." },
        { """{"preferences":{"a":{"b":{"c":{"d":{"e":{}}}}}}}""", "preferences", "must not nest objects or arrays more than 5 levels deep." },
        { $$$"""{"preferences":{"big":"{{{new string('x', FieldLimits.PreferencesJsonBytes)}}}"}}""", "preferences", "must be at most 16384 bytes of JSON once merged." },
        { """{"preferences":{"a":"\u0000"}}""", "preferences", "must not contain NUL characters or unpaired surrogates." },
        { """{"preferences":{"a":{"b":["\ud800"]}}}""", "preferences", "must not contain NUL characters or unpaired surrogates." },
        { """{"preferences":{"\udc00":1}}""", "preferences", "must not contain NUL characters or unpaired surrogates." },
        { """{"avatar":"https://cdn.example.com/a\u0000.png"}""", "avatar", "must not contain NUL characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task Invalid_profile_members_are_refused_and_nothing_changes(string patch, string field, string message)
    {
        var account = await fixture.RegisterAsync();
        await PatchAsync(account, """{"bio":"unchanged"}""");

        var error = await Assert.ThrowsAsync<ValidationException>(() => PatchAsync(account, patch));

        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal("unchanged", (await GetAsync(account)).Profile.Bio);
    }

    [Fact]
    public async Task Five_levels_of_nesting_are_allowed()
    {
        var account = await fixture.RegisterAsync();

        var me = await PatchAsync(account, """{"preferences":{"a":{"b":{"c":{"d":[1]}}}}}""");

        Assert.Equal(1, me.Profile.Preferences.GetProperty("a").GetProperty("b").GetProperty("c").GetProperty("d")[0].GetInt32());
    }

    [Fact]
    public async Task The_size_limit_applies_to_the_merged_result()
    {
        var account = await fixture.RegisterAsync();
        var half = new string('x', (FieldLimits.PreferencesJsonBytes / 2) + 100);
        await PatchAsync(account, $$$"""{"preferences":{"first":"{{{half}}}"}}""");

        await Assert.ThrowsAsync<ValidationException>(() => PatchAsync(account, $$$"""{"preferences":{"second":"{{{half}}}"}}"""));
    }

    [Fact]
    public async Task Concurrent_patches_of_different_preferences_all_survive()
    {
        var account = await fixture.RegisterAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PatchAsync(account, $"{{\"preferences\":{{\"key{i}\":{i}}}}}")));

        var preferences = (await GetAsync(account)).Profile.Preferences;
        Assert.Equal(8, preferences.EnumerateObject().Count());
    }

    [Fact]
    public async Task A_user_changes_only_their_own_profile()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync(name: "Other Person");

        await PatchAsync(account, """{"bio":"mine"}""");
        await fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateNameAsync(account.User, new UpdateMeRequest("Renamed"), default));

        var untouched = await GetAsync(other);
        Assert.Equal(("Other Person", (string?)null), (untouched.User.Name, untouched.Profile.Bio));
    }

    private Task<MeResponse> GetAsync(TestAccount account) =>
        fixture.WithAsync<ProfileService, MeResponse>(s => s.GetAsync(account.User, default));

    private Task<MeResponse> PatchAsync(TestAccount account, string json)
    {
        var request = JsonSerializer.Deserialize<UpdateProfileRequest>(json, InFocusJson.Options)!;
        return fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateProfileAsync(account.User, request, default));
    }
}
