using System.Net;
using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

/// <summary>The account's own writes other than signing up, in and refreshing: name, profile, sessions, deletion.</summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class AccountConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Renaming_n_times_at_once_applies_every_rename_and_keeps_the_last() =>
        await host.WithUsersAsync(1, async users =>
        {
            var answers = await Concurrently.SendAsync(N, i => users[0].Client.PatchJsonAsync("api/me", $$"""{ "name": "Name {{i}}" }"""));

            answers.AssertCounts((OK, N));
            Assert.Matches("^Name [0-7]$", await host.DbAsync(db => db.Users.Where(u => u.Id == users[0].Id).Select(u => u.Name).SingleAsync()));
        });

    [Fact]
    public async Task Patching_different_preferences_at_once_keeps_every_one_in_one_profile() =>
        await host.WithUsersAsync(1, async users =>
        {
            var answers = await Concurrently.SendAsync(N, i =>
                users[0].Client.PatchJsonAsync("api/me/profile", $$"""{ "preferences": { "key{{i}}": {{i}} } }"""));

            answers.AssertCounts((OK, N));
            var preferences = await host.DbAsync(db => db.Profiles.Where(p => p.UserId == users[0].Id).Select(p => p.Preferences).SingleAsync());
            Assert.Equal(
                Enumerable.Range(0, N).Select(i => $"key{i}"),
                JsonDocument.Parse(preferences).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        });

    [Fact]
    public async Task Ending_one_session_n_times_at_once_ends_it_once_and_the_others_find_nothing() =>
        await host.WithUsersAsync(1, async users =>
        {
            using var phone = host.CreateUserClient();
            using var signIn = await phone.PostJsonAsync("api/auth/login", new { email = users[0].Email, password = TestAccounts.Password });
            var phoneSession = await host.DbAsync(db =>
                db.Sessions.Where(s => s.UserId == users[0].Id).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync());

            var answers = await Concurrently.SendAsync(N, _ => users[0].Client.DeleteAsync($"api/auth/sessions/{phoneSession}"));

            answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
            Assert.Equal(1, await ActiveSessionsAsync(users[0].Id));
        });

    [Fact]
    public async Task Signing_out_everywhere_n_times_at_once_ends_every_session() =>
        await host.WithUsersAsync(1, async users =>
        {
            var answers = await Concurrently.SendAsync(N, _ => users[0].Client.PostAsync("api/auth/logout-all", content: null));

            // The first to end the sessions answers 204; the access token of the others may already be dead (401).
            answers.AssertOnly(NoContent, Unauthorized);
            Assert.True(answers.Count(NoContent) >= 1);
            Assert.Equal(0, await ActiveSessionsAsync(users[0].Id));
        });

    [Fact]
    public async Task Deleting_the_account_n_times_at_once_deletes_it_once_and_the_others_are_signed_out() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]], users[1]);

            var answers = await Concurrently.SendAsync(N, _ => users[0].Client.DeleteJsonAsync("api/me", new { password = TestAccounts.Password }));

            answers.AssertOnly(NoContent, Unauthorized);
            Assert.Equal(1, answers.Count(NoContent));
            Assert.Equal((0, 1), await host.DbAsync(async db => (
                await db.Users.CountAsync(u => u.Id == users[0].Id),
                await db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.Role == Domain.Families.FamilyRole.Admin))));
        });

    [Fact]
    public async Task Withdrawing_a_recommendation_n_times_at_once_withdraws_it_once() =>
        await host.WithUsersAsync(2, async users =>
        {
            await host.SeedFamilyAsync([users[0]], users[1]);
            var title = await host.SeedTitleAsync();
            using var sent = await users[0].Client.PostJsonAsync("api/recommendations", new { mediaItemId = title.Id, recipientId = users[1].Id });
            var id = (await sent.ReadAsync<Domain.Recommendations.RecommendationResponse>()).Id;

            var answers = await Concurrently.SendAsync(N, _ => users[0].Client.DeleteAsync($"api/recommendations/{id}"));

            answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
            Assert.False(await host.DbAsync(db => db.Recommendations.AnyAsync(r => r.Id == id)));
        });

    private Task<int> ActiveSessionsAsync(string userId) =>
        host.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == userId && s.RevokedAt == null));
}
