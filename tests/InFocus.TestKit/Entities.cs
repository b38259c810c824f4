using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;

namespace InFocus.TestKit;

/// <summary>Valid, unsaved entities with unique values, for arranging database state in tests.</summary>
public static class Entities
{
    private static int _tmdbId = 900_000;

    /// <summary>The password every <see cref="User"/> has.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>bcrypt hash (work factor 4) of <see cref="Password"/>.</summary>
    public const string PasswordHash = "$2a$04$i5nhkwi8rRPxsype5j//ceZtD3.Q/U/CitpjPUl4RcKAdpDREqQQe";

    public static User User(string? email = null, string name = "Test User") => new()
    {
        Email = EmailAddress.Normalize(email ?? $"user-{Guid.NewGuid():N}@example.test"),
        Name = name,
        PasswordHash = PasswordHash,
    };

    public static MediaItem MediaItem(string title = "A Title", MediaType type = MediaType.Movie, int? tmdbId = null) => new()
    {
        TmdbId = tmdbId ?? Interlocked.Increment(ref _tmdbId),
        TmdbType = type,
        Title = title,
        Genres = ["Drama"],
        Creators = ["Someone"],
    };

    public static WatchlistEntry WatchlistEntry(User user, MediaItem media, WatchStatus status = WatchStatus.NotWatched, int? rating = null) => new()
    {
        UserId = user.Id,
        MediaItemId = media.Id,
        Status = status,
        Rating = rating,
    };

    public static Family Family(User creator, string name = "The Family") => new() { Name = name, CreatedById = creator.Id };

    public static FamilyMembership Membership(Family family, User user, FamilyRole role = FamilyRole.Member) => new()
    {
        FamilyId = family.Id,
        UserId = user.Id,
        Role = role,
    };

    public static FamilyInvitation Invitation(Family family, string email, User? invitedBy = null, DateTimeOffset? expiresAt = null) => new()
    {
        FamilyId = family.Id,
        Email = EmailAddress.Normalize(email),
        TokenHash = SecureToken.Hash(SecureToken.Generate()),
        InvitedById = invitedBy?.Id,
        ExpiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddDays(7),
    };

    public static Recommendation Recommendation(User from, User to, MediaItem media, RecommendationStatus status = RecommendationStatus.Pending) => new()
    {
        RecommendedById = from.Id,
        RecommendedToId = to.Id,
        MediaItemId = media.Id,
        Status = status,
    };

    public static Session Session(User user, DateTimeOffset? expiresAt = null) => new()
    {
        UserId = user.Id,
        LastUsedAt = DateTimeOffset.UtcNow,
        ExpiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddDays(30),
    };

    public static RefreshToken RefreshToken(Session session, DateTimeOffset? expiresAt = null) => new()
    {
        UserId = session.UserId,
        SessionId = session.Id,
        TokenHash = SecureToken.Hash(SecureToken.Generate()),
        ExpiresAt = expiresAt ?? session.ExpiresAt,
    };

    public static StreamingProvider Provider(MediaItem media, int tmdbProviderId = 8, StreamingOfferType offer = StreamingOfferType.Subscription, params string[] regions) => new()
    {
        MediaItemId = media.Id,
        TmdbProviderId = tmdbProviderId,
        Provider = "Netflix",
        OfferType = offer,
        Regions = regions.Length == 0 ? ["US"] : [.. regions],
    };
}
