using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class MeTests(AccountsHostFixture host)
{
    [Fact]
    public async Task Me_shows_the_user_and_profile_and_patches_change_them()
    {
        using var user = await host.SignUpAsync(name: "Grace");

        var initial = await (await user.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        using var renamed = await user.Client.PatchJsonAsync("api/me", """{"name":" Grace Hopper "}""");
        using var profiled = await user.Client.PatchJsonAsync(
            "api/me/profile", """{"bio":"Debugger","avatar":"https://cdn.example.com/g.png","preferences":{"theme":"dark","ui":{"dense":true}}}""");
        using var merged = await user.Client.PatchJsonAsync("api/me/profile", """{"preferences":{"ui":{"dense":null},"lang":"en"}}""");

        Assert.Equal(("Grace", "{}"), (initial.User.Name, initial.Profile.Preferences.GetRawText()));
        Assert.Equal("Grace Hopper", (await renamed.ReadAsync<MeResponse>()).User.Name);
        Assert.Equal("Debugger", (await profiled.ReadAsync<MeResponse>()).Profile.Bio);
        var me = await (await user.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        Assert.Equal(("Grace Hopper", "Debugger", "https://cdn.example.com/g.png"), (me.User.Name, me.Profile.Bio, me.Profile.Avatar));
        Assert.Equal("dark", me.Profile.Preferences.GetProperty("theme").GetString());
        Assert.Equal("en", me.Profile.Preferences.GetProperty("lang").GetString());
        Assert.Equal(JsonValueKind.Object, me.Profile.Preferences.GetProperty("ui").ValueKind);
        Assert.Empty(me.Profile.Preferences.GetProperty("ui").EnumerateObject());
    }

    [Fact]
    public async Task One_user_never_sees_or_changes_anothers_account()
    {
        using var user = await host.SignUpAsync(name: "Alice");
        using var stranger = await host.SignUpAsync(name: "Mallory");

        await stranger.Client.PatchJsonAsync("api/me", """{"name":"Mallory Renamed"}""");
        await stranger.Client.PatchJsonAsync("api/me/profile", """{"bio":"evil"}""");

        var mine = await (await user.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        Assert.Equal((user.Id, "Alice", (string?)null), (mine.User.Id, mine.User.Name, mine.Profile.Bio));
    }
}
