using InFocus.Domain.Notifications;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Notifications;

/// <summary>
/// The pages of the digest's unsubscribe link. Opening the link changes nothing (mail scanners open links): the page
/// asks for a button press, which posts the RFC 8058 one-click body to the same address, as mail clients do.
/// </summary>
public static class UnsubscribePageRenderer
{
    /// <summary>The RFC 8058 one-click body: <c>List-Unsubscribe=One-Click</c>.</summary>
    public const string OneClickField = "List-Unsubscribe";

    public const string OneClickValue = "One-Click";

    public static ApiResult Confirm(string token, string email) => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Unsubscribe from the daily digest",
        SafeHtml.Of($"""
            <h1>Unsubscribe from the daily digest</h1>
            <p>Press the button to stop the daily email of your InFocus notifications to {email}. Your notifications stay in the app.</p>
            <form method="post" action="/{NotificationDigestSource.UnsubscribePath}?token={Uri.EscapeDataString(token)}">
            <input type="hidden" name="{OneClickField}" value="{OneClickValue}">
            <button type="submit">Unsubscribe</button>
            </form>
            """));

    public static ApiResult Unsubscribed(string email) => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Unsubscribed",
        SafeHtml.Of($"""
            <h1>You are unsubscribed</h1>
            <p>{email} gets no more daily digests. You can turn the digest on again in your profile's preferences.</p>
            <p class="muted">You can close this page.</p>
            """));
}
