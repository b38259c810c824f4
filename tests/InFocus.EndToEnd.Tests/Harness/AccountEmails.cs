using System.Text.RegularExpressions;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>Reading the account emails (verification, password reset, "someone tried to register") out of smtp4dev.</summary>
public static partial class AccountEmails
{
    /// <summary>Waits for the <paramref name="count"/>th email to <paramref name="recipient"/> and returns its subject and plain text.</summary>
    public static async Task<(string Subject, string Text)> LatestAsync(this Smtp4devClient mail, string recipient, int count = 1)
    {
        var messages = await mail.WaitForMessagesAsync(recipient, count, TimeSpan.FromSeconds(30));
        var latest = messages.OrderBy(m => m.ReceivedDate).Last();
        return (latest.Subject, await mail.PlainTextAsync(latest.Id));
    }

    /// <summary>
    /// Waits for <paramref name="count"/> emails to <paramref name="recipient"/> and returns the token of the one linking to
    /// <c>/api/{page}/</c>, whatever order their deliveries finished in.
    /// </summary>
    public static async Task<string> LinkTokenAsync(this Smtp4devClient mail, string recipient, string page, int count)
    {
        var texts = new List<string>();
        foreach (var message in await mail.WaitForMessagesAsync(recipient, count, TimeSpan.FromSeconds(30)))
        {
            texts.Add(await mail.PlainTextAsync(message.Id));
        }

        return TokenIn(texts.FirstOrDefault(t => t.Contains($"/api/{page}/", StringComparison.Ordinal)) ?? string.Join("\n---\n", texts), page);
    }

    /// <summary>The token of the link under <c>/api/{page}/</c> in an email's text.</summary>
    public static string TokenIn(string text, string page)
    {
        var match = Regex.Match(text, $@"/api/{Regex.Escape(page)}/([A-Za-z0-9_-]{{43}})");
        Assert.True(match.Success, $"The email carries no /api/{page}/ link:\n{text}");
        return match.Groups[1].Value;
    }
}
