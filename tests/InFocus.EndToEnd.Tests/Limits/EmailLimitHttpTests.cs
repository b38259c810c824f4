using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions.Accounts.Pages;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Limits;

/// <summary>A host whose email limits are met at once: one account email per address, one invitation per inviter, no quick resend.</summary>
public sealed class TightEmailLimitsHostFixture : DevHostFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth__AccountEmailsPerAddressPerHour"] = "1";
        settings["Email__Limits__InvitationsPerInviterPerDay"] = "1";
        settings["Email__Limits__ResendCooldownSeconds"] = "3600";
        return settings;
    }
}

/// <summary>
/// Every endpoint that sends email answers 429 with Retry-After over its limit, through HTTP (the limits' rules are
/// tested in the domain tests; here each endpoint's answer, JSON or page).
/// </summary>
public sealed class EmailLimitHttpTests(TightEmailLimitsHostFixture host) : IClassFixture<TightEmailLimitsHostFixture>
{
    [Fact]
    public async Task Account_emails_over_the_per_address_limit_answer_429_with_Retry_After()
    {
        using var client = host.CreateUserClient();
        var registering = $"limits-{Guid.NewGuid():N}@example.com";
        using var user = await host.SignUpAsync();

        using var registered = await client.PostJsonAsync("api/auth/register", new { email = registering, password = TestAccounts.Password, name = "Limited" });
        using var again = await client.PostJsonAsync("api/auth/register", new { email = registering, password = TestAccounts.Password, name = "Limited" });
        using var resent = await client.PostJsonAsync("api/auth/verify-email/resend", new { email = registering });
        using var reset = await client.PostJsonAsync("api/auth/password-reset", new { email = user.Email });
        using var resetAgain = await client.PostJsonAsync("api/auth/password-reset", new { email = user.Email });
        using var resetPage = await client.PostAsync("api/password-reset", Http.Form((AccountPageRenderer.EmailField, user.Email)));

        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        foreach (var limited in new[] { again, resent, resetAgain, resetPage })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{limited.RequestMessage!.RequestUri} has no Retry-After");
        }
    }

    [Fact]
    public async Task Invitations_over_the_inviters_limit_and_resends_within_the_cooldown_answer_429()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var invitation = await admin.InviteAsync(familyId, $"first-{Guid.NewGuid():N}@example.com");

        using var second = await admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email = $"second-{Guid.NewGuid():N}@example.com" });
        using var resend = await admin.Client.PostAsync($"api/families/{familyId}/invitations/{invitation.Id}/resend", content: null);

        await second.ProblemAsync(429);
        await resend.ProblemAsync(429);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero && resend.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
    }
}
