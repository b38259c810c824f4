using Microsoft.Extensions.Configuration;

namespace InFocus.DevHost.Configuration;

/// <summary><c>extensions.http</c> of host.json: the route prefix of every HTTP function (default <c>api</c>).</summary>
public static class HttpHostOptions
{
    public const string RoutePrefixKey = HostJson.Section + ":extensions:http:routePrefix";
    public const string DefaultRoutePrefix = "api";

    public static string RoutePrefix(IConfiguration configuration) => (configuration[RoutePrefixKey] ?? DefaultRoutePrefix).Trim('/');
}
