using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// The <c>InFocus-Signature</c> header, as Stripe signs: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
/// "&lt;t&gt;.&lt;body&gt;" keyed with the webhook's secret (its UTF-8 bytes)&gt;</c>. The timestamp lets a receiver
/// refuse replays older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "InFocus-Signature";

    public const string DeliveryHeader = "InFocus-Delivery";

    public const string EventHeader = "InFocus-Event";

    public static string Create(string secret, DateTimeOffset time, string body)
    {
        var timestamp = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Compute(secret, timestamp, body)}";
    }

    /// <summary>What a receiver does: true when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        var timestamp = parts["t"].FirstOrDefault();
        if (timestamp is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return parts["v1"].Any(v => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(v), expected));
    }

    private static string Compute(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
