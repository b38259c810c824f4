using InFocus.Domain.Accounts;
using InFocus.Domain.Common;

namespace InFocus.Domain.Availability;

/// <summary>A streaming service the user pays for (or otherwise has), by TMDB provider id; set with <c>PUT /api/me/services</c>.</summary>
public sealed class Subscription : Entity
{
    public required string UserId { get; init; }

    public required int TmdbProviderId { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }
}
