using System.Net;
using System.Net.Sockets;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Http;

/// <summary>Request parsing every function shares: JSON and form bodies, paging, bounded query values and the caller's address.</summary>
public static class HttpRequestExtensions
{
    /// <summary>The address rate limits count by when a request carries none that can be parsed.</summary>
    public const string UnknownClientAddress = "unknown";

    private const int Ipv6PrefixLength = 64;

    public static Task<T> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken, int maxBytes = RequestBody.DefaultMaxBytes)
        where T : class => RequestBody.ReadJsonAsync<T>(request, maxBytes, cancellationToken);

    public static Task<FormFields> ReadFormFieldsAsync(this HttpRequest request, CancellationToken cancellationToken, int maxBytes = RequestBody.FormMaxBytes) =>
        RequestBody.ReadFormAsync(request, maxBytes, cancellationToken);

    /// <summary>The <c>limit</c> and <c>cursor</c> query parameters as a validated page request.</summary>
    public static PageRequest PageRequest(this HttpRequest request) =>
        Domain.Common.PageRequest.Create(request.Query["limit"].ToString(), request.Query["cursor"].ToString());

    /// <summary>An optional query value; longer than <paramref name="maxLength"/> is a 400 naming the parameter.</summary>
    public static string? QueryValue(this HttpRequest request, string name, int maxLength = 100)
    {
        var value = request.Query[name].ToString();
        if (value.Length > maxLength)
        {
            throw ValidationException.For(name, $"must be at most {maxLength} characters.");
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>An optional enum query value in its snake_case spelling (<c>?status=not_watched</c>).</summary>
    public static TEnum? QueryEnum<TEnum>(this HttpRequest request, string name)
        where TEnum : struct, Enum => SnakeCaseEnum<TEnum>.ParseOptional(name, request.QueryValue(name));

    public static string? UserAgent(this HttpRequest request)
    {
        var value = request.Headers.UserAgent.ToString();
        return value.Length == 0 ? null : value[..Math.Min(value.Length, FieldLimits.UserAgent)];
    }

    /// <summary>The caller as the Accounts domain sees it: its address and user agent.</summary>
    public static ClientInfo Client(this HttpRequest request) => new(request.ClientAddress(), request.UserAgent());

    /// <summary>
    /// The address of the client, for rate limiting and the sessions list: the connection's remote address as the
    /// worker's ASP.NET Core pipeline leaves it. In Azure the Functions host forwards each request over loopback and
    /// the worker's forwarded-headers step (trusting only that loopback hop) moves the last <c>X-Forwarded-For</c> entry,
    /// the address the platform's front end accepted the connection from, into <c>RemoteIpAddress</c>; whatever remains
    /// in the header came from the client and is never trusted. An IPv6 address counts as its /64 network, the block
    /// one subscriber usually holds, so rotating through it does not escape the limits.
    /// </summary>
    public static string ClientAddress(this HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } address ? Describe(address) : UnknownClientAddress;

    private static string Describe(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, Ipv6PrefixLength / 8, bytes.Length - (Ipv6PrefixLength / 8));
        return $"{new IPAddress(bytes)}/{Ipv6PrefixLength}";
    }
}
