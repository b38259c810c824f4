using System.Net;
using System.Net.Sockets;
using InFocus.Domain.Common;
using Microsoft.Extensions.Hosting;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// The SSRF guard: webhooks go to public addresses only. A URL must be https (http only to a loopback host, and only in
/// the Development environment: <c>AZURE_FUNCTIONS_ENVIRONMENT</c>, which the development host sets), carry no
/// credentials, and its host must resolve to public addresses only: never private, loopback (outside Development),
/// link-local, CGNAT, multicast, unspecified, reserved or documentation ranges, nor IPv4-mapped, -compatible or NAT64
/// IPv6 forms of those. Checked at creation (400) and again when connecting (<see cref="ConnectAsync"/>), on the
/// addresses the connection then uses, so a name that re-resolves to a private address later (DNS rebinding) is refused.
/// Host names resolve through DNS, or through <paramref name="resolveHost"/> where a test stands in for it.
/// </summary>
public sealed class WebhookAddressGuard(IHostEnvironment? environment, Func<string, CancellationToken, Task<IPAddress[]>>? resolveHost = null)
{
    private static readonly (IPAddress Network, int Prefix)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), // "this network", unspecified
        (IPAddress.Parse("10.0.0.0"), 8), // private
        (IPAddress.Parse("100.64.0.0"), 10), // CGNAT
        (IPAddress.Parse("169.254.0.0"), 16), // link-local (cloud metadata endpoints)
        (IPAddress.Parse("172.16.0.0"), 12), // private
        (IPAddress.Parse("192.0.0.0"), 24), // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24), // documentation
        (IPAddress.Parse("192.88.99.0"), 24), // 6to4 relay
        (IPAddress.Parse("192.168.0.0"), 16), // private
        (IPAddress.Parse("198.18.0.0"), 15), // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24), // documentation
        (IPAddress.Parse("203.0.113.0"), 24), // documentation
        (IPAddress.Parse("224.0.0.0"), 4), // multicast
        (IPAddress.Parse("240.0.0.0"), 4), // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 96), // unspecified and IPv4-compatible (::a.b.c.d)
        (IPAddress.Parse("64:ff9b::"), 96), // NAT64
        (IPAddress.Parse("64:ff9b:1::"), 48), // local-use NAT64
        (IPAddress.Parse("100::"), 64), // discard-only
        (IPAddress.Parse("2001::"), 23), // IETF protocol assignments (Teredo, ...)
        (IPAddress.Parse("2001:db8::"), 32), // documentation
        (IPAddress.Parse("2002::"), 16), // 6to4 (embeds any IPv4 address)
        (IPAddress.Parse("fc00::"), 7), // unique local
        (IPAddress.Parse("fe80::"), 10), // link-local
        (IPAddress.Parse("fec0::"), 10), // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8), // multicast
    ];

    /// <summary>How long creation waits for the host name to resolve.</summary>
    private static readonly TimeSpan ResolutionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>True in the Development environment: http to loopback hosts is allowed there.</summary>
    public bool IsDevelopment => environment?.IsDevelopment() == true;

    /// <summary>Checks a URL at creation: its form, then the addresses its host resolves to. 400 naming <c>url</c>.</summary>
    public async Task<Uri> CheckUrlAsync(string? url, CancellationToken cancellationToken)
    {
        var uri = ParseUrl(url);
        using var resolution = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        resolution.CancelAfter(ResolutionTimeout);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, resolution.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ValidationException.For("url", "has a host name that does not resolve.");
        }

        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a)))
        {
            throw ValidationException.For("url", "must point at a public address (private, loopback, link-local and other internal addresses are refused).");
        }

        return uri;
    }

    /// <summary>The URL's form: absolute, https (http to loopback in Development), no credentials, no fragment.</summary>
    public Uri ParseUrl(string? url)
    {
        new Validation().Required("url", url, FieldLimits.Url).ThrowIfInvalid();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown || uri.Host.Length == 0)
        {
            throw ValidationException.For("url", "must be an absolute https URL.");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw ValidationException.For("url", "must not contain credentials or a fragment.");
        }

        var httpAllowed = IsDevelopment && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && httpAllowed))
        {
            throw ValidationException.For("url", IsDevelopment
                ? "must be an https URL (http only to a loopback host in Development)."
                : "must be an https URL.");
        }

        return uri;
    }

    /// <summary>True when a webhook may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return IsDevelopment;
        }

        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusedV4,
            AddressFamily.InterNetworkV6 => RefusedV6,
            _ => null,
        };
        return ranges is not null && !ranges.Any(r => InRange(address, r.Network, r.Prefix));
    }

    /// <summary>The connect callback of the webhook HTTP client: <see cref="ConnectAsync(string, int, CancellationToken)"/> for the request's host and port.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);

    /// <summary>
    /// Connects a webhook to <paramref name="host"/> and <paramref name="port"/>: resolves the host, refuses the
    /// connection unless every address is allowed, and connects to those same addresses (never resolving twice).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a)))
        {
            throw new WebhookAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An IP literal (IPv6 with or without brackets) as it is; a name through DNS.</summary>
    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await (resolveHost ?? Dns.GetHostAddressesAsync)(host, cancellationToken);

    /// <summary>True when the first <paramref name="prefix"/> bits of the two addresses (of one family) are equal.</summary>
    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out _);
        network.TryWriteBytes(n, out _);
        var whole = prefix / 8;
        var bits = prefix % 8;
        return a[..whole].SequenceEqual(n[..whole]) && (bits == 0 || ((a[whole] ^ n[whole]) >> (8 - bits)) == 0);
    }
}

/// <summary>A webhook connection refused by <see cref="WebhookAddressGuard"/>: the host resolved to an address it may not reach.</summary>
public sealed class WebhookAddressRefusedException()
    : IOException("The webhook's host resolved to an address webhooks may not reach (private, loopback, link-local or another internal range).");
