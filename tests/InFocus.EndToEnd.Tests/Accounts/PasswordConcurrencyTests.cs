using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>Password change and reset requests at once: the statuses, then what signs in and what the database holds.</summary>
[Collection(AccountsCollection.Name)]
public sealed class PasswordConcurrencyTests(AccountsHostFixture host)
{
    [Fact]
    public async Task Conflicting_password_changes_at_once_each_answer_204_or_400_and_the_last_accepted_one_holds()
    {
        using var user = await host.SignUpAsync();
        var candidates = Enumerable.Range(0, 4).Select(i => $"racing passphrase number {i}").ToList();

        var responses = await Task.WhenAll(candidates.Select(p =>
            user.Client.PostJsonAsync("api/me/password", new { currentPassword = user.Password, newPassword = p })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.BadRequest }));
        var accepted = candidates.Where((_, i) => responses[i].StatusCode == HttpStatusCode.NoContent).ToList();
        Assert.NotEmpty(accepted);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var working = new List<string>();
        foreach (var candidate in candidates.Append(user.Password))
        {
            using var login = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email = user.Email, password = candidate });
            if (login.StatusCode == HttpStatusCode.OK)
            {
                working.Add(candidate);
            }
        }

        Assert.Contains(Assert.Single(working), accepted);
    }

    [Fact]
    public async Task Identical_password_reset_requests_at_once_all_get_the_same_202_and_are_each_recorded()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostJsonAsync("api/auth/password-reset", new { email = user.Email })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToList()));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var rows = 0;
        await host.DbAsync(async db => rows = await db.PasswordResets.CountAsync(r => r.Email == user.Email));
        Assert.Equal(3, rows);
    }
}
