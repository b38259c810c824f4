using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Emails;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// A user registered through <c>POST /api/auth/register</c> with an <see cref="HttpClient"/> that sends their access
/// token and a client address of its own (so the sign-in rate limits of one test never reach another).
/// </summary>
public sealed class SignedInUser : IDisposable
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string Password { get; init; }

    public required string Name { get; init; }

    public required TokenPair Tokens { get; init; }

    /// <summary>The address this user's requests come from (sent as <c>X-Forwarded-For</c>, as the Functions host reports it to the worker).</summary>
    public required string ClientAddress { get; init; }

    /// <summary>Sends <c>Authorization: Bearer</c> with <see cref="Tokens"/>' access token.</summary>
    public required HttpClient Client { get; init; }

    public void Dispose() => Client.Dispose();
}

public static class SignedInUsers
{
    private static int _addresses;

    /// <summary>A client address no other test uses: an IPv6 documentation /64 of its own.</summary>
    public static string NewClientAddress() => $"2001:db8:{Interlocked.Increment(ref _addresses):x}::1";

    /// <summary>A client of the host from <paramref name="clientAddress"/> (a new one when null), with an optional access token.</summary>
    public static HttpClient CreateUserClient(this DevHostFixture host, string? accessToken = null, string? clientAddress = null)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress ?? NewClientAddress());
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>
    /// A new verified user (a unique email unless given), signed in through <c>POST /api/auth/verify-email</c>. Dispose it
    /// when done. The pending registration is written straight to the database with a token the test knows and its email
    /// marked sent, so no verification email reaches smtp4dev (tests that read a user's mail see only their own);
    /// registering through <c>POST /api/auth/register</c> and the email have tests of their own.
    /// </summary>
    public static async Task<SignedInUser> SignUpAsync(
        this DevHostFixture host, string? email = null, string name = "Test User", string password = TestAccounts.Password)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var address = NewClientAddress();
        var token = SecureToken.Generate();
        var passwordHash = await host.Services.GetRequiredService<PasswordHasher>().HashAsync(password, CancellationToken.None);
        await host.DbAsync(async db =>
        {
            db.PendingRegistrations.Add(new PendingRegistration
            {
                Email = EmailAddress.Normalize(email),
                Name = name,
                PasswordHash = passwordHash,
                TokenHash = SecureToken.Hash(token),
                ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
                EmailStatus = EmailDeliveryStatus.Sent,
            });
            await db.SaveChangesAsync();
        });
        using var anonymous = host.CreateUserClient(clientAddress: address);
        using var verified = await anonymous.PostAsJsonAsync("api/auth/verify-email", new { token }, InFocusJson.Options);
        await Expect(verified, HttpStatusCode.OK, "Verification");
        var registered = (await verified.Content.ReadFromJsonAsync<RegistrationResponse>(InFocusJson.Options))!;
        return new SignedInUser
        {
            Id = registered.User.Id,
            Email = registered.User.Email,
            Password = password,
            Name = registered.User.Name,
            Tokens = registered.Tokens,
            ClientAddress = address,
            Client = host.CreateUserClient(registered.Tokens.AccessToken, address),
        };
    }

    /// <summary>Gives the address's pending registration a verification token the test knows, and returns it.</summary>
    public static async Task<string> ReplaceVerificationTokenAsync(this DevHostFixture host, string email)
    {
        var token = SecureToken.Generate();
        var normalized = EmailAddress.Normalize(email);
        await host.DbAsync(db => db.PendingRegistrations
            .Where(r => r.Email == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TokenHash, SecureToken.Hash(token))));
        return token;
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
