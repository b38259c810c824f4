using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Common.Email.Acs;

/// <summary>
/// Authenticates each request to Azure Communication Services: with the resource's access key (HMAC-SHA256 over
/// the verb, path and query, date, host and body hash, as documented for ACS) or, when no key is configured, with a
/// Microsoft Entra token of the app's managed identity.
/// </summary>
public sealed class AcsAuthenticationHandler(IOptions<EmailOptions> options, TokenCredential credential, TimeProvider clock) : DelegatingHandler
{
    private static readonly string[] Scopes = ["https://communication.azure.com/.default"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var accessKey = options.Value.Acs.AccessKey;
        if (string.IsNullOrEmpty(accessKey))
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        else
        {
            await SignAsync(request, accessKey, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task SignAsync(HttpRequestMessage request, string accessKey, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var stringToSign = $"{request.Method.Method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accessKey), Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", contentHash);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "HMAC-SHA256", $"SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }
}
