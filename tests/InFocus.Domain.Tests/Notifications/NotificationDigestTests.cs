using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Emails;
using InFocus.Domain.Notifications;
using InFocus.Domain.Tests.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Tests.Notifications;

/// <summary>
/// The daily digest: who gets one (opted in, unread notifications since the last digest), at most one per user and
/// day even with two writers at once, what it says and its unsubscribe headers, the one-click unsubscribe, and the
/// app-wide email budget.
/// </summary>
public sealed class NotificationDigestTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Opted_in_users_with_unread_notifications_get_one_digest_a_day_even_from_two_writers_at_once()
    {
        var ada = await OptedInAsync("Ada", "daily");
        var bob = await OptedInAsync("Bob", "off");
        var cy = await fixture.UserAsync("Cy");
        var dee = await OptedInAsync("Dee", "daily");
        var now = fixture.Clock.GetUtcNow();
        await NotifyAsync(ada, now.AddHours(-2), read: false);
        await NotifyAsync(bob, now.AddHours(-2), read: false);
        await NotifyAsync(cy, now.AddHours(-2), read: false);
        await NotifyAsync(dee, now.AddHours(-2), read: true);

        await Task.WhenAll(WriteAsync(), WriteAsync());
        await WriteAsync();

        Assert.Equal([ada.UserId], await DigestUsersAsync(ada, bob, cy, dee));
        var digest = await fixture.DbAsync(db => db.NotificationDigests.SingleAsync(d => d.UserId == ada.UserId));
        Assert.Equal((DateOnly.FromDateTime(now.UtcDateTime), (DateTimeOffset?)null, now), (digest.DigestDate, digest.NotificationsSince, digest.NotificationsUntil));

        // The next day: only what arrived since the last digest counts.
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await WriteAsync();
        Assert.Single(await fixture.DbAsync(db => db.NotificationDigests.Where(d => d.UserId == ada.UserId).ToListAsync()));
        await NotifyAsync(ada, fixture.Clock.GetUtcNow().AddMinutes(-5), read: false);
        await WriteAsync();
        var days = await fixture.DbAsync(db => db.NotificationDigests.Where(d => d.UserId == ada.UserId).OrderBy(d => d.DigestDate).ToListAsync());
        Assert.Equal(2, days.Count);
        Assert.Equal(digest.NotificationsUntil, days[1].NotificationsSince);
    }

    [Fact]
    public async Task The_digest_lists_the_unread_notifications_of_its_period_and_carries_the_one_click_unsubscribe_headers()
    {
        var ada = await OptedInAsync("Ada", "daily");
        var now = fixture.Clock.GetUtcNow();
        await NotifyAsync(ada, now.AddHours(-3), read: false);
        await NotifyAsync(ada, now.AddHours(-1), read: false);
        var (id, token) = await DigestOfAsync(ada);

        var email = await fixture.WithAsync<NotificationDigestSource, OutgoingEmail?>(s =>
            s.ComposeAsync(new EmailMessage(EmailKind.NotificationDigest, id, token, 1), default));

        Assert.NotNull(email);
        Assert.Equal(NotificationDigestSource.Subject, email.Subject);
        Assert.Contains("(2 unread)", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Bob left The Testers.", email.PlainText, StringComparison.Ordinal);
        var url = $"http://localhost:7071/api/unsubscribe?token={token}";
        Assert.Equal($"<{url}>", email.Headers!["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(url, email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribing_turns_the_digest_off_keeps_the_other_preferences_and_unknown_tokens_are_404()
    {
        var ada = await OptedInAsync("Ada", "daily");
        await fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateProfileAsync(ada, Preferences("""{"theme": "dark"}"""), default));
        await NotifyAsync(ada, fixture.Clock.GetUtcNow().AddHours(-1), read: false);
        var (id, token) = await DigestOfAsync(ada);

        var shown = await fixture.WithAsync<NotificationDigestService, string>(s => s.RecipientAsync(token, default));
        var first = await fixture.WithAsync<NotificationDigestService, string>(s => s.UnsubscribeAsync(token, default));
        var again = await fixture.WithAsync<NotificationDigestService, string>(s => s.UnsubscribeAsync(token, default));
        var composed = await fixture.WithAsync<NotificationDigestSource, OutgoingEmail?>(s =>
            s.ComposeAsync(new EmailMessage(EmailKind.NotificationDigest, id, token, 1), default));

        var email = await fixture.DbAsync(db => db.Users.Where(u => u.Id == ada.UserId).Select(u => u.Email).SingleAsync());
        Assert.Equal((email, email, email), (shown, first, again));
        var preferences = await fixture.DbAsync(db => db.Profiles.Where(p => p.UserId == ada.UserId).Select(p => p.Preferences).SingleAsync());
        using var json = JsonDocument.Parse(preferences);
        Assert.Equal(("off", "dark"), (json.RootElement.GetProperty("notifications").GetProperty("email").GetString(), json.RootElement.GetProperty("theme").GetString()));
        var wants = await fixture.WithAsync<NotificationDigestSource, string>(s => Task.FromResult(s.WantsEmail));
        var stillWanted = "SELECT count(*)::int AS \"Value\" FROM notification_digests AS t WHERE t.id = @id AND " + wants;
        Assert.Equal(0, await fixture.DbAsync(db => db.Database.SqlQueryRaw<int>(stillWanted, new Npgsql.NpgsqlParameter("id", id)).SingleAsync()));
        Assert.NotNull(composed); // composing does not look at the preference; the delivery's claim does (WantsEmail)
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<NotificationDigestService, string>(s => s.UnsubscribeAsync(SecureToken.Generate(), default)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<NotificationDigestService, string>(s => s.UnsubscribeAsync("not a token", default)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<NotificationDigestService, string>(s => s.RecipientAsync(null, default)));
    }

    [Fact]
    public async Task The_preference_takes_daily_or_off_only()
    {
        var ada = await fixture.UserAsync("Ada");

        var bad = await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateProfileAsync(ada, Preferences("""{"notifications": {"email": "weekly"}}"""), default)));

        Assert.Equal(["preferences"], bad.Errors.Keys);
    }

    [Fact]
    public async Task No_digest_is_written_once_the_app_wide_email_budget_is_spent()
    {
        var ada = await OptedInAsync("Ada", "daily");
        await NotifyAsync(ada, fixture.Clock.GetUtcNow().AddHours(-1), read: false);
        var budget = fixture.Services.GetRequiredService<IOptions<EmailLimitsOptions>>().Value.Budget;
        var at = fixture.Clock.GetUtcNow().AddMinutes(-1);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO rate_limit_hits (id, key, at) SELECT 'c' || substr(md5(random()::text || n), 1, 24), {budget.Key}, {at} FROM generate_series(1, {budget.Count}) AS n
            """));
        try
        {
            Assert.Equal(0, await WriteAsync());
            Assert.Empty(await DigestUsersAsync(ada));
        }
        finally
        {
            await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM rate_limit_hits WHERE key = {budget.Key}"));
        }
    }

    private async Task<CurrentUser> OptedInAsync(string name, string digest)
    {
        var user = await fixture.UserAsync(name);
        await fixture.WithAsync<ProfileService, MeResponse>(s => s.UpdateProfileAsync(user, Preferences($$$"""{"notifications": {"email": "{{{digest}}}"}}"""), default));
        return user;
    }

    private static UpdateProfileRequest Preferences(string json) => new(default, default, JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>A "Bob left The Testers" notification for the user, created at <paramref name="at"/>.</summary>
    private Task NotifyAsync(CurrentUser user, DateTimeOffset at, bool read) => fixture.DbAsync(async db =>
    {
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(bob);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, type, event_key, actor_id, family_id, created_at, read_at)
            VALUES ({Cuid.NewId()}, {user.UserId}, 'member_left', {Cuid.NewId()}, {bob.UserId}, {familyId}, {at}, {(read ? at : (DateTimeOffset?)null)})
            """);
    });

    private Task<int> WriteAsync() => fixture.WithAsync<NotificationDigestService, int>(s => s.WriteDigestsAsync(default));

    private Task<List<string>> DigestUsersAsync(params CurrentUser[] users)
    {
        var ids = users.Select(u => u.UserId).ToList();
        return fixture.DbAsync(db => db.NotificationDigests.Where(d => ids.Contains(d.UserId)).Select(d => d.UserId).ToListAsync());
    }

    /// <summary>Writes the digests and gives the user's a known token (the written one is only in the queue message).</summary>
    private async Task<(string Id, string Token)> DigestOfAsync(CurrentUser user)
    {
        await WriteAsync();
        var token = SecureToken.Generate();
        var id = await fixture.DbAsync(db => db.NotificationDigests.Where(d => d.UserId == user.UserId).Select(d => d.Id).SingleAsync());
        await fixture.DbAsync(db => db.NotificationDigests.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.TokenHash, SecureToken.Hash(token))));
        return (id, token);
    }
}
