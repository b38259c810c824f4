using System.Net;
using System.Text;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static InFocus.EndToEnd.Tests.Harness.BrowserPages;
using static Microsoft.Playwright.Assertions;

namespace InFocus.EndToEnd.Tests.Notifications;

/// <summary>
/// The daily digest as its reader lives it: opted in through the profile, the timer writes it, the SendEmail queue
/// function delivers it to smtp4dev with its RFC 8058 headers, and the one-click unsubscribe works from a mail client's
/// POST and from the link's page in Chromium, without sign-in. On the invitations' host, whose emailed links lead back to it.
/// </summary>
[Collection(InvitationsCollection.Name)]
public sealed class NotificationDigestEmailTests(InvitationsHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_digest_arrives_once_with_one_click_unsubscribe_headers_and_a_mail_clients_post_turns_it_off()
    {
        using var reader = await OptedInWithNotificationAsync();

        var link = await DigestLinkAsync(reader);
        using var anonymous = host.CreateUserClient();
        using var opened = await anonymous.GetAsync(link); // what a mail scanner does: changes nothing
        using var unknownPage = await anonymous.GetAsync($"api/unsubscribe?token={SecureToken.Generate()}");
        using var wrongBody = await anonymous.PostAsync(link, Http.Form(("List-Unsubscribe", "Yes")));
        using var unknown = await anonymous.PostAsync($"api/unsubscribe?token={SecureToken.Generate()}", Http.Form(("List-Unsubscribe", "One-Click")));
        using var unsubscribed = await anonymous.PostAsync(link, Http.Form(("List-Unsubscribe", "One-Click")));
        await NotifyAsync(reader);
        await host.RunFunctionAsync("SendNotificationDigests");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (opened.StatusCode, unknownPage.StatusCode, wrongBody.StatusCode, unknown.StatusCode, unsubscribed.StatusCode));
        Assert.Contains(reader.Email, WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("You are unsubscribed", await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var me = await (await reader.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        Assert.Equal("off", me.Profile.Preferences.GetProperty("notifications").GetProperty("email").GetString());
        Assert.Equal(1, await host.DbAsync(db => db.NotificationDigests.CountAsync(d => d.UserId == reader.Id)));
        Assert.Single(await host.Mail.MessagesToAsync(reader.Email));
    }

    [Fact]
    public async Task The_unsubscribe_link_opens_a_page_whose_button_turns_the_digest_off()
    {
        using var reader = await OptedInWithNotificationAsync();
        var link = await DigestLinkAsync(reader);
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();

        var opened = await page.GotoAsync(link.ToString());

        Assert.Equal(200, opened!.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Unsubscribe from the daily digest");
        await Expect(page.GetByText(reader.Email)).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);
        Assert.Equal("daily", await PreferenceAsync(reader)); // opening the link changes nothing

        var done = await SubmitAsync(page, "Unsubscribe");

        Assert.Equal(200, done.Status);
        await Expect(Heading(page)).ToHaveTextAsync("You are unsubscribed");
        await AssertFitsThePhoneAsync(page);
        Assert.Equal("off", await PreferenceAsync(reader));
    }

    [Fact]
    public async Task One_click_posts_at_once_racing_a_profile_patch_all_succeed_and_touch_only_the_links_owner()
    {
        using var reader = await OptedInWithNotificationAsync();
        using var other = await OptedInWithNotificationAsync();
        var link = await DigestLinkAsync(reader);
        using var anonymous = host.CreateUserClient();

        var answers = await Concurrently.SendAsync(
        [
            () => reader.Client.PatchJsonAsync("api/me/profile", """{"preferences": {"theme": "dark"}}"""),
            .. Enumerable.Range(0, 7).Select(_ => (Func<Task<HttpResponseMessage>>)(() =>
                anonymous.PostAsync(link, Http.Form(("List-Unsubscribe", "One-Click"))))),
        ]);

        answers.AssertCounts((HttpStatusCode.OK, 8));
        var me = await (await reader.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        Assert.Equal(("off", "dark"), (me.Profile.Preferences.GetProperty("notifications").GetProperty("email").GetString(), me.Profile.Preferences.GetProperty("theme").GetString()));
        Assert.Equal("daily", await PreferenceAsync(other));
    }

    private async Task<SignedInUser> OptedInWithNotificationAsync()
    {
        var reader = await host.SignUpAsync();
        using var patched = await reader.Client.PatchJsonAsync("api/me/profile", """{"preferences": {"notifications": {"email": "daily"}}}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await NotifyAsync(reader);
        return reader;
    }

    /// <summary>A "someone joined your family" notification, a minute old.</summary>
    private Task NotifyAsync(SignedInUser user) => host.DbAsync(db => db.Database.ExecuteSqlAsync($"""
        INSERT INTO notifications (id, user_id, type, event_key, created_at)
        VALUES ({Cuid.NewId()}, {user.Id}, 'member_joined', {Cuid.NewId()}, now() - interval '1 minute')
        """));

    /// <summary>Runs the digest timer, waits for the email and checks its RFC 8058 headers; the unsubscribe link.</summary>
    private async Task<Uri> DigestLinkAsync(SignedInUser reader)
    {
        await host.RunFunctionAsync("SendNotificationDigests");
        var summary = (await host.Mail.WaitForMessagesAsync(reader.Email)).Single();
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(await host.Mail.RawAsync(summary.Id)));
        var email = await MimeMessage.LoadAsync(source);
        Assert.Equal("Your InFocus notifications", email.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]?.Trim());
        var header = email.Headers["List-Unsubscribe"]?.Trim();
        Assert.StartsWith($"<{host.PublicBaseUrl}/api/unsubscribe?token=", header, StringComparison.Ordinal);
        Assert.EndsWith(">", header, StringComparison.Ordinal);
        Assert.Contains("joined", email.TextBody, StringComparison.Ordinal);
        var link = new Uri(header![1..^1]);
        Assert.Contains(link.ToString(), email.TextBody, StringComparison.Ordinal);
        return link;
    }

    private async Task<string?> PreferenceAsync(SignedInUser user)
    {
        var me = await (await user.Client.GetAsync("api/me")).ReadAsync<MeResponse>();
        return me.Profile.Preferences.GetProperty("notifications").GetProperty("email").GetString();
    }
}
