using System.Net;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class RegistrationAndLoginTests(AccountsHostFixture host)
{
    [Theory]
    [InlineData("""{"password":"correct horse battery staple","name":"A"}""", "email", "is required.")]
    [InlineData("""{"email":"nope","password":"correct horse battery staple","name":"A"}""", "email", "must be a valid email address.")]
    [InlineData("""{"email":"a@example.com","password":"password","name":"A"}""", "password", "is one of the most common passwords; choose one that is harder to guess.")]
    [InlineData("""{"email":"a@example.com","password":"short","name":"A"}""", "password", "must be at least 8 characters.")]
    [InlineData("""{"email":"a@example.com","password":"correct horse battery staple"}""", "name", "is required.")]
    [InlineData("""{"email":"a@example.com","password":12345678,"name":"A"}""", "password", "is not valid JSON of the expected type.")]
    public async Task Register_answers_400_problem_json_naming_the_field(string json, string field, string message)
    {
        using var client = host.CreateUserClient();

        using var response = await client.PostAsync("api/auth/register", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([message], await response.FieldErrorsAsync(field));
    }

    [Fact]
    public async Task Login_answers_200_with_a_new_session()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        using var response = await client.PostJsonAsync("api/auth/login", new { email = user.Email.ToUpperInvariant(), password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.ReadAsync<TokenPair>();
        Assert.NotEqual(user.Tokens.RefreshToken, tokens.RefreshToken);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        using var wrongPassword = await client.PostJsonAsync("api/auth/login", new { email = user.Email, password = "not the password" });
        using var unknownEmail = await client.PostJsonAsync("api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "not the password" });

        var first = await wrongPassword.ProblemAsync(401);
        var second = await unknownEmail.ProblemAsync(401);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.Headers.WwwAuthenticate.ToString(), unknownEmail.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Login_answers_400_for_a_missing_password_and_a_malformed_email()
    {
        using var client = host.CreateUserClient();

        using var response = await client.PostJsonAsync("api/auth/login", new { email = "not-an-email" });

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["email", "password"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }
}
