using System.Collections.Frozen;
using InFocus.Domain.Common;

namespace InFocus.Domain.Data;

/// <summary>
/// Names of the unique and CHECK constraints, and the domain error each one becomes when PostgreSQL reports a
/// violation, so a race that slips past a service's own check still gets a clear 409 or 400, never a 500.
/// </summary>
internal static class Constraints
{
    public const string UserEmailUnique = "ux_users_email";
    public const string UserEmailNormalized = "ck_users_email_normalized";
    public const string ProfileUserUnique = "ux_profiles_user_id";
    public const string ProfilePreferencesObject = "ck_profiles_preferences_object";
    public const string RefreshTokenHashUnique = "ux_refresh_tokens_token_hash";
    public const string RefreshTokenHashLength = "ck_refresh_tokens_token_hash_length";
    public const string RefreshTokenRevocation = "ck_refresh_tokens_revocation";
    public const string PendingRegistrationEmailUnique = "ux_pending_registrations_email";
    public const string PendingRegistrationEmailNormalized = "ck_pending_registrations_email_normalized";
    public const string PendingRegistrationTokenUnique = "ux_pending_registrations_token_hash";
    public const string PendingRegistrationTokenHashLength = "ck_pending_registrations_token_hash_length";
    public const string PasswordResetTokenUnique = "ux_password_resets_token_hash";
    public const string PasswordResetTokenHashLength = "ck_password_resets_token_hash_length";
    public const string MediaTmdbUnique = "ux_media_items_tmdb";
    public const string MediaTmdbIdPositive = "ck_media_items_tmdb_id_positive";
    public const string MediaRatingRange = "ck_media_items_rating";
    public const string MediaRuntimeRange = "ck_media_items_runtime";
    public const string UserRegionCode = "ck_users_region";
    public const string FamilyRegionCode = "ck_families_region";
    public const string WatchProviderIdPositive = "ck_watch_providers_tmdb_provider_id";
    public const string TonightPickMembers = "ck_tonight_picks_members";
    public const string TonightPickConfirmedMembers = "ck_tonight_picks_confirmed";
    public const string WatchProviderUnique = "ux_watch_providers_tmdb_provider_id";
    public const string SubscriptionUnique = "ux_subscriptions_user_provider";
    public const string NotificationEventUnique = "ux_notifications_user_event";
    public const string NotificationDigestUnique = "ux_notification_digests_user_date";
    public const string NotificationDigestTokenUnique = "ux_notification_digests_token_hash";
    public const string NotificationDigestTokenHashLength = "ck_notification_digests_token_hash_length";
    public const string ProviderUnique = "ux_streaming_providers_offer";
    public const string ProviderRegionsNotEmpty = "ck_streaming_providers_regions";
    public const string WatchlistUnique = "ux_watchlist_entries_user_media";
    public const string WatchlistRatingRange = "ck_watchlist_entries_rating";
    public const string MembershipUnique = "ux_family_memberships_user_family";
    public const string FamilyTitleUnique = "ux_family_titles_family_media";
    public const string WatchlistGenreUnique = "ux_watchlist_genre_counts_user_genre";
    public const string InvitationUnique = "ux_family_invitations_family_email";
    public const string InvitationTokenUnique = "ux_family_invitations_token_hash";
    public const string InvitationEmailNormalized = "ck_family_invitations_email_normalized";
    public const string InvitationTokenHashLength = "ck_family_invitations_token_hash_length";
    public const string InvitationAcceptedAt = "ck_family_invitations_accepted_at";
    public const string RecommendationPendingUnique = "ux_recommendations_pending";
    public const string RecommendationNotToSelf = "ck_recommendations_not_to_self";
    public const string SeasonUnique = "ux_seasons_media_number";
    public const string SeasonNumberRange = "ck_seasons_number";
    public const string SeasonEpisodeCount = "ck_seasons_episode_count";
    public const string EpisodeUnique = "ux_episodes_media_season_number";
    public const string EpisodeNumberRange = "ck_episodes_number";
    public const string EpisodeRuntimeRange = "ck_episodes_runtime";
    public const string ViewingUnique = "ux_viewings_once";
    public const string CalendarFeedTokenUnique = "ux_calendar_feeds_token_hash";
    public const string CalendarFeedUserUnique = "ux_calendar_feeds_user_id";
    public const string CalendarFeedTokenHashLength = "ck_calendar_feeds_token_hash_length";
    public const string WebhookUrlUnique = "ux_webhooks_user_url";
    public const string WebhookEventsNotEmpty = "ck_webhooks_events";
    public const string WebhookDeliveryUnique = "ux_webhook_deliveries_webhook_notification";

    private static readonly FrozenDictionary<string, Func<DomainException>> Violations = new Dictionary<string, Func<DomainException>>
    {
        [UserEmailUnique] = () => new ConflictException("An account with this email address already exists."),
        [UserEmailNormalized] = () => ValidationException.For("email", "must be stored in normalized form."),
        [ProfileUserUnique] = () => new ConflictException("This user already has a profile."),
        [ProfilePreferencesObject] = () => ValidationException.For("preferences", "must be a JSON object."),
        [RefreshTokenHashUnique] = () => new ConflictException("This refresh token already exists."),
        [RefreshTokenHashLength] = () => ValidationException.For("refreshToken", "must be a SHA-256 hash."),
        [RefreshTokenRevocation] = () => ValidationException.For("revoked", "must be set together with its revocation time."),
        [PendingRegistrationEmailUnique] = () => new ConflictException("This address has a pending registration already."),
        [PendingRegistrationEmailNormalized] = () => ValidationException.For("email", "must be stored in normalized form."),
        [PendingRegistrationTokenUnique] = () => new ConflictException("This verification token already exists."),
        [PendingRegistrationTokenHashLength] = () => ValidationException.For("token", "must be a SHA-256 hash."),
        [PasswordResetTokenUnique] = () => new ConflictException("This password-reset token already exists."),
        [PasswordResetTokenHashLength] = () => ValidationException.For("token", "must be a SHA-256 hash."),
        [MediaTmdbUnique] = () => new ConflictException("This TMDB title is already in the catalog."),
        [MediaTmdbIdPositive] = () => ValidationException.For("tmdbId", "must be a positive integer."),
        [MediaRatingRange] = () => ValidationException.For("rating", "must be between 0 and 10."),
        [MediaRuntimeRange] = () => ValidationException.For("runtime", "must be between 1 and 1440 minutes."),
        [UserRegionCode] = () => ValidationException.For("region", "must be an ISO 3166-1 alpha-2 country code such as US or GB."),
        [FamilyRegionCode] = () => ValidationException.For("region", "must be an ISO 3166-1 alpha-2 country code such as US or GB."),
        [WatchProviderIdPositive] = () => ValidationException.For("providerIds", "must be positive integers."),
        [TonightPickMembers] = () => ValidationException.For("members", "must name at least one member."),
        [TonightPickConfirmedMembers] = () => new ConflictException("Only the members present at a pick can confirm it."),
        [WatchProviderUnique] = () => new ConflictException("This provider is already in the provider list."),
        [SubscriptionUnique] = () => new ConflictException("This service is already among yours."),
        [NotificationEventUnique] = () => new ConflictException("This event was notified already."),
        [NotificationDigestUnique] = () => new ConflictException("Today's digest was written already."),
        [NotificationDigestTokenUnique] = () => new ConflictException("This digest token already exists."),
        [NotificationDigestTokenHashLength] = () => ValidationException.For("token", "must be a SHA-256 hash."),
        [ProviderUnique] = () => new ConflictException("This provider offer is already listed for the title."),
        [ProviderRegionsNotEmpty] = () => ValidationException.For("regions", "must name at least one region."),
        [WatchlistUnique] = () => new ConflictException("This title is already on the watchlist."),
        [WatchlistRatingRange] = () => ValidationException.For("rating", "must be between 1 and 10."),
        [MembershipUnique] = () => new ConflictException("This user is already a member of the family."),
        // Summaries written only by triggers, which upsert: reachable only by a write that bypasses them.
        [FamilyTitleUnique] = () => new ConflictException("The family's watchlist changed at the same time; try again."),
        [WatchlistGenreUnique] = () => new ConflictException("The watchlist changed at the same time; try again."),
        [InvitationUnique] = () => new ConflictException("This address already has an invitation to the family."),
        [InvitationTokenUnique] = () => new ConflictException("This invitation token already exists."),
        [InvitationEmailNormalized] = () => ValidationException.For("email", "must be stored in normalized form."),
        [InvitationTokenHashLength] = () => ValidationException.For("token", "must be a SHA-256 hash."),
        [InvitationAcceptedAt] = () => ValidationException.For("acceptedAt", "is set exactly when the invitation is accepted."),
        [RecommendationPendingUnique] = () => new ConflictException("You already have a pending recommendation of this title to this person."),
        [RecommendationNotToSelf] = () => ValidationException.For("recipientId", "must be someone other than yourself."),
        [SeasonUnique] = () => new ConflictException("This season is already stored for the show."),
        [SeasonNumberRange] = () => ValidationException.For("season", "must be 0 or more."),
        [SeasonEpisodeCount] = () => ValidationException.For("episodeCount", "must be 0 or more."),
        [EpisodeUnique] = () => new ConflictException("This episode is already stored for the show."),
        [EpisodeNumberRange] = () => ValidationException.For("episode", "must be 0 or more."),
        [EpisodeRuntimeRange] = () => ValidationException.For("runtime", "must be 0 or more."),
        [ViewingUnique] = () => new ConflictException("This viewing is already recorded."),
        [CalendarFeedTokenUnique] = () => new ConflictException("This calendar feed token already exists."),
        [CalendarFeedUserUnique] = () => new ConflictException("This user already has a calendar feed."),
        [CalendarFeedTokenHashLength] = () => ValidationException.For("token", "must be a SHA-256 hash."),
        [WebhookUrlUnique] = () => new ConflictException("You already have a webhook for this URL."),
        [WebhookEventsNotEmpty] = () => ValidationException.For("events", "must name at least one event."),
        // Written only by the notifications trigger, which skips an existing delivery.
        [WebhookDeliveryUnique] = () => new ConflictException("This event was delivered to the webhook already."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Named => Violations.Keys;

    public static DomainException? ToDomainException(string? constraintName) =>
        constraintName is not null && Violations.TryGetValue(constraintName, out var create) ? create() : null;
}
