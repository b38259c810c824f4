using System.Net;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class SessionsTests(AccountsHostFixture host)
{
    [Fact]
    public async Task Sessions_are_listed_newest_first_with_the_current_one_marked_and_pages_follow()
    {
        using var user = await host.SignUpAsync();
        using var phone = host.CreateUserClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Phone/1.0");
        var phoneTokens = await (await phone.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenPair>();

        var first = await (await user.Client.GetAsync("api/auth/sessions?limit=1")).ReadAsync<Page<SessionResponse>>();
        var second = await (await user.Client.GetAsync($"api/auth/sessions?limit=1&cursor={first.NextCursor}")).ReadAsync<Page<SessionResponse>>();

        Assert.Equal("Phone/1.0", Assert.Single(first.Items).UserAgent);
        Assert.False(first.Items[0].Current);
        Assert.True(Assert.Single(second.Items).Current);
        Assert.Null(second.NextCursor);
        Assert.NotNull(phoneTokens.AccessToken);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Invalid_paging_answers_400_naming_the_parameter(string query, string field)
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.GetAsync($"api/auth/sessions?{query}");

        Assert.NotEmpty(await response.FieldErrorsAsync(field));
    }

    [Fact]
    public async Task Ending_another_session_stops_its_tokens_at_once()
    {
        using var user = await host.SignUpAsync();
        using var laptop = host.CreateUserClient();
        var laptopTokens = await (await laptop.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenPair>();
        using var laptopAuthorized = host.CreateUserClient(laptopTokens.AccessToken);
        var sessions = await (await user.Client.GetAsync("api/auth/sessions")).ReadAsync<Page<SessionResponse>>();
        var other = sessions.Items.Single(s => !s.Current);

        using var ended = await user.Client.DeleteAsync($"api/auth/sessions/{other.Id}");

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptopAuthorized.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.PostJsonAsync("api/auth/refresh", new { refreshToken = laptopTokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Another_users_sessions_are_not_listed_cannot_be_ended_and_survive_logout_all()
    {
        using var user = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        var strangerSession = (await (await stranger.Client.GetAsync("api/auth/sessions")).ReadAsync<Page<SessionResponse>>()).Items.Single();

        var listed = await (await user.Client.GetAsync("api/auth/sessions")).ReadAsync<Page<SessionResponse>>();
        using var response = await user.Client.DeleteAsync($"api/auth/sessions/{strangerSession.Id}");
        using var unknown = await user.Client.DeleteAsync($"api/auth/sessions/{Cuid.NewId()}");
        using var loggedOut = await user.Client.PostAsync("api/auth/logout-all", null);

        Assert.DoesNotContain(listed.Items, s => s.Id == strangerSession.Id);
        await response.ProblemAsync(404);
        await unknown.ProblemAsync(404);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_current_session_immediately_and_logout_all_ends_the_rest()
    {
        using var user = await host.SignUpAsync();
        using var other = host.CreateUserClient();
        var otherTokens = await (await other.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenPair>();
        using var otherAuthorized = host.CreateUserClient(otherTokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync("api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherAuthorized.GetAsync("api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await otherAuthorized.PostAsync("api/auth/logout-all", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAuthorized.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostJsonAsync("api/auth/refresh", new { refreshToken = otherTokens.RefreshToken })).StatusCode);
    }
}
