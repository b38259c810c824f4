using InFocus.Domain.Media;

namespace InFocus.Domain.Availability;

/// <summary>Query of <c>GET /api/providers</c>, as received.</summary>
public sealed record ProvidersQuery(string? Region, string? Type);

/// <summary>A streaming provider of a region: TMDB's id (what <c>PUT /api/me/services</c> takes), name, logo, and what it carries there.</summary>
public sealed record WatchProviderResponse(int Id, string Name, string? LogoUrl, IReadOnlyList<MediaType> Types);

/// <summary>Body of <c>PUT /api/me/services</c>: the user's region and every service they have there (replaces the previous set).</summary>
public sealed record MyServicesRequest(string? Region, IReadOnlyList<int>? ProviderIds);

/// <summary>The user's region (null until set) and services.</summary>
public sealed record MyServicesResponse(string? Region, IReadOnlyList<MyServiceResponse> Services);

/// <summary>One of the user's services.</summary>
public sealed record MyServiceResponse(int Id, string Name, string? LogoUrl);
