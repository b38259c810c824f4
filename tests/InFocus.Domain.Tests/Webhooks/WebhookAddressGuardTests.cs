using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Webhooks;
using InFocus.TestKit.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace InFocus.Domain.Tests.Webhooks;

/// <summary>The SSRF guard: which URLs a webhook may have, and which addresses it may connect to (no database).</summary>
public sealed class WebhookAddressGuardTests
{
    private static readonly WebhookAddressGuard Production = new(new HostingEnvironment { EnvironmentName = Environments.Production });
    private static readonly WebhookAddressGuard Development = new(new HostingEnvironment { EnvironmentName = Environments.Development });

    [Theory]
    [InlineData("0.0.0.0")] // unspecified
    [InlineData("10.1.2.3")] // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")] // CGNAT
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")] // link-local: the cloud metadata endpoint
    [InlineData("224.0.0.1")] // multicast
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")] // broadcast
    [InlineData("240.0.0.1")] // reserved
    [InlineData("192.0.2.10")] // documentation
    [InlineData("198.18.0.1")] // benchmarking
    [InlineData("::")] // unspecified
    [InlineData("fe80::1")] // link-local
    [InlineData("fc00::1")] // unique local
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")] // multicast
    [InlineData("::ffff:10.0.0.1")] // IPv4-mapped private
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::10.0.0.1")] // IPv4-compatible
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("2001:db8::1")] // documentation
    [InlineData("9.255.255.255", false)] // edges of every range, inside and just outside
    [InlineData("10.0.0.0")]
    [InlineData("10.255.255.255")]
    [InlineData("11.0.0.0", false)]
    [InlineData("100.63.255.255", false)]
    [InlineData("100.64.0.0")]
    [InlineData("169.253.255.255", false)]
    [InlineData("169.254.0.0")]
    [InlineData("169.254.255.255")]
    [InlineData("169.255.0.0", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.16.0.0")]
    [InlineData("192.0.0.8")] // IETF protocol assignments
    [InlineData("192.0.1.0", false)]
    [InlineData("192.88.99.1")] // 6to4 relay
    [InlineData("192.88.100.0", false)]
    [InlineData("192.167.255.255", false)]
    [InlineData("192.169.0.0", false)]
    [InlineData("198.17.255.255", false)]
    [InlineData("198.19.255.255")]
    [InlineData("198.20.0.0", false)]
    [InlineData("198.51.100.7")] // documentation
    [InlineData("203.0.113.7")]
    [InlineData("223.255.255.255", false)]
    [InlineData("64:ff9b:1::1")] // local-use NAT64
    [InlineData("100::1")] // discard-only
    [InlineData("2001::1")] // Teredo
    [InlineData("2001:1ff::1")]
    [InlineData("2001:200::1", false)]
    [InlineData("2001:db7:ffff::1", false)]
    [InlineData("2003::1", false)]
    [InlineData("fbff::1", false)]
    [InlineData("febf::1")] // the end of link-local
    [InlineData("fec0::1")] // site-local
    [InlineData("feff::1")]
    [InlineData("ff00::1")]
    public void Internal_addresses_are_refused_in_every_environment(string address, bool refused = true)
    {
        Assert.Equal(!refused, Production.IsAllowed(IPAddress.Parse(address)));
        Assert.Equal(!refused, Development.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void Without_a_host_environment_loopback_is_refused() =>
        Assert.False(new WebhookAddressGuard(null).IsAllowed(IPAddress.Loopback));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_in_Development(string address)
    {
        Assert.False(Production.IsAllowed(IPAddress.Parse(address)));
        Assert.True(Development.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")] // just outside 172.16.0.0/12
    [InlineData("100.128.0.1")] // just outside CGNAT
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) => Assert.True(Production.IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:192.168.0.1]/hook")]
    [InlineData("https://0x7f000001/hook")] // 127.0.0.1 written in hex
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://93.184.215.14/hook")] // http to a public address
    [InlineData("ftp://93.184.215.14/hook")]
    [InlineData("https://user:pass@93.184.215.14/hook")]
    [InlineData("https://93.184.215.14/hook#fragment")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("/relative/hook")]
    [InlineData("")]
    public async Task Outside_Development_these_URLs_are_400(string url)
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Production.CheckUrlAsync(url, default));

        Assert.Equal(["url"], refused.Errors.Keys);
    }

    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://93.184.215.14/hook")] // http only to loopback, even in Development
    public async Task In_Development_http_goes_only_to_loopback_and_internal_addresses_stay_refused(string url) =>
        await Assert.ThrowsAsync<ValidationException>(() => Development.CheckUrlAsync(url, default));

    [Theory]
    [InlineData("http://localhost:7071/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    public async Task In_Development_http_to_loopback_is_allowed(string url) =>
        Assert.Equal(url, (await Development.CheckUrlAsync(url, default)).AbsoluteUri);

    [Fact]
    public async Task A_public_https_address_is_allowed() =>
        Assert.Equal("https://93.184.215.14/hook?x=1", (await Production.CheckUrlAsync("https://93.184.215.14/hook?x=1", default)).AbsoluteUri);

    [Fact]
    public async Task At_delivery_the_connection_to_a_name_resolving_to_loopback_is_refused_outside_Development_and_nothing_is_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using var handler = new SocketsHttpHandler { ConnectCallback = Production.ConnectAsync, AllowAutoRedirect = false, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var sender = new WebhookSender(http, new FakeTimeProvider());

        var attempt = await sender.SendAsync(new WebhookMessage(Cuid.NewId(), WebhookEvents.NotificationCreated, url, "secret-secret-secret", "{}"), default);

        Assert.False(attempt.Delivered);
        Assert.Null(attempt.Status);
        Assert.Contains("may not reach", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("/relative/hook", "must be an absolute https URL.")]
    [InlineData("https://[not-an-address/hook", "must be an absolute https URL.")]
    [InlineData("file:///etc/passwd", "must be an absolute https URL.")]
    [InlineData("https://user:pass@93.184.215.14/hook", "must not contain credentials or a fragment.")]
    [InlineData("https://93.184.215.14/hook#fragment", "must not contain credentials or a fragment.")]
    [InlineData("http://93.184.215.14/hook", "must be an https URL.")]
    [InlineData("https://10.0.0.5/hook", "must point at a public address (private, loopback, link-local and other internal addresses are refused).")]
    public async Task Each_refusal_says_why(string? url, string reason)
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Production.CheckUrlAsync(url, default));

        Assert.Equal(reason, Assert.Single(refused.Errors["url"]));
    }

    [Fact]
    public async Task In_Development_the_refusal_of_http_says_where_http_is_allowed()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Development.CheckUrlAsync("http://93.184.215.14/hook", default));

        Assert.Equal("must be an https URL (http only to a loopback host in Development).", Assert.Single(refused.Errors["url"]));
    }

    [Fact]
    public async Task A_URL_longer_than_the_limit_is_400_even_to_a_public_address()
    {
        var url = "https://93.184.215.14/" + new string('a', FieldLimits.Url);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Production.CheckUrlAsync(url, default));

        Assert.Contains(FieldLimits.Url.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(refused.Errors["url"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_is_resolved_and_allowed_only_when_every_address_is_public()
    {
        var asked = new List<string>();
        var guard = Resolving(Environments.Production, host =>
        {
            asked.Add(host);
            return host == "mixed.example" ? [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.0.0.1")] : host == "none.example" ? [] : [IPAddress.Parse("8.8.8.8")];
        });

        var allowed = await guard.CheckUrlAsync("https://hooks.example/in", default);
        var mixed = await Assert.ThrowsAsync<ValidationException>(() => guard.CheckUrlAsync("https://mixed.example/in", default));
        var none = await Assert.ThrowsAsync<ValidationException>(() => guard.CheckUrlAsync("https://none.example/in", default));

        Assert.Equal("https://hooks.example/in", allowed.AbsoluteUri);
        Assert.Equal(["hooks.example", "mixed.example", "none.example"], asked);
        Assert.StartsWith("must point at a public address", Assert.Single(mixed.Errors["url"]), StringComparison.Ordinal);
        Assert.StartsWith("must point at a public address", Assert.Single(none.Errors["url"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_or_resolves_too_slowly_is_400_and_the_callers_cancellation_is_not()
    {
        var unknown = Resolving(Environments.Production, _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
        var hanging = new WebhookAddressGuard(
            new HostingEnvironment { EnvironmentName = Environments.Production },
            async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return [];
            });
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var notFound = await Assert.ThrowsAsync<ValidationException>(() => unknown.CheckUrlAsync("https://nowhere.example/in", default));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging.CheckUrlAsync("https://slow.example/in", caller.Token));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timedOut = await Assert.ThrowsAsync<ValidationException>(() => hanging.CheckUrlAsync("https://slow.example/in", default));

        Assert.Equal("has a host name that does not resolve.", Assert.Single(notFound.Errors["url"]));
        Assert.True(caller.IsCancellationRequested, cancelled.Message);
        Assert.Equal("has a host name that does not resolve.", Assert.Single(timedOut.Errors["url"]));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30)); // the 5-second resolution timeout
    }

    [Fact]
    public async Task At_connect_time_a_name_with_any_refused_address_is_refused_even_where_another_would_answer()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var guard = Resolving(Environments.Development, _ => [IPAddress.Loopback, IPAddress.Parse("10.0.0.1")]);

        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => guard.ConnectAsync("rebound.example", port, default).AsTask());
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => Resolving(Environments.Development, _ => []).ConnectAsync("none.example", port, default).AsTask());
    }

    [Fact]
    public async Task A_connection_is_made_without_Nagle_delays_and_closing_the_stream_closes_its_socket()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var stream = Assert.IsType<System.Net.Sockets.NetworkStream>(await Development.ConnectAsync("127.0.0.1", port, default));
        var socket = stream.Socket;
        var noDelay = socket.NoDelay;
        await stream.DisposeAsync();
        listener.Stop();

        Assert.True(noDelay);
        Assert.Throws<ObjectDisposedException>(() => socket.Available);
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => Development.ConnectAsync("127.0.0.1", port, default).AsTask());
    }

    private static WebhookAddressGuard Resolving(string environment, Func<string, IPAddress[]> addresses) =>
        new(new HostingEnvironment { EnvironmentName = environment }, (host, _) => Task.FromResult(addresses(host)));

    [Fact]
    public void A_signature_verifies_with_its_secret_only_and_for_its_body_only()
    {
        var header = WebhookSignature.Create("whsec_one", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), """{"id":"x"}""");

        Assert.StartsWith("t=1700000000,v1=", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify("whsec_one", header, """{"id":"x"}"""));
        Assert.False(WebhookSignature.Verify("whsec_two", header, """{"id":"x"}"""));
        Assert.False(WebhookSignature.Verify("whsec_one", header, """{"id":"y"}"""));
        Assert.False(WebhookSignature.Verify("whsec_one", header.Replace("t=1700000000", "t=1700000001", StringComparison.Ordinal), """{"id":"x"}"""));
        Assert.False(WebhookSignature.Verify("whsec_one", header.Replace("t=1700000000,", "", StringComparison.Ordinal), """{"id":"x"}"""));
        Assert.False(WebhookSignature.Verify("whsec_one", "t=1700000000", """{"id":"x"}"""));
    }

    [Fact]
    public void A_signature_verifies_when_any_of_its_v1_values_matches_as_during_a_secret_rotation()
    {
        var header = WebhookSignature.Create("whsec_new", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "{}");
        var rotated = header.Replace("v1=", "v1=" + new string('0', 64) + ",v1=", StringComparison.Ordinal);

        Assert.True(WebhookSignature.Verify("whsec_new", rotated, "{}"));
    }
}
