using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InFocus.Domain.Tests.Data;

/// <summary>Every unique and CHECK constraint holds, and a violation surfaces as a domain error, never a raw database exception.</summary>
public sealed class ConstraintTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_second_account_with_the_same_email_is_a_conflict()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.test";
        await SaveAsync(db => db.Users.Add(Entities.User(email)));

        await AssertFailsAsync<ConflictException>(db => db.Users.Add(Entities.User(email)));
    }

    [Fact]
    public Task An_email_that_is_not_normalized_is_invalid() =>
        AssertFailsAsync<ValidationException>(db =>
        {
            var user = Entities.User();
            user.Email = "Mixed.Case@Example.test";
            db.Users.Add(user);
        });

    [Fact]
    public async Task A_user_has_at_most_one_profile()
    {
        var user = Entities.User();
        await SaveAsync(db => db.Users.Add(user));
        await SaveAsync(db => db.Profiles.Add(new() { UserId = user.Id }));

        await AssertFailsAsync<ConflictException>(db => db.Profiles.Add(new() { UserId = user.Id }));
    }

    [Fact]
    public async Task Preferences_must_be_a_json_object()
    {
        var user = Entities.User();
        await SaveAsync(db => db.Users.Add(user));

        await AssertFailsAsync<ValidationException>(db => db.Profiles.Add(new() { UserId = user.Id, Preferences = "[1, 2]" }));
    }

    [Fact]
    public async Task Refresh_token_hashes_are_unique_sha256_values_and_revocation_is_timestamped()
    {
        var user = Entities.User();
        var session = Entities.Session(user);
        var token = Entities.RefreshToken(session);
        await SaveAsync(db =>
        {
            db.Users.Add(user);
            db.Sessions.Add(session);
            db.RefreshTokens.Add(token);
        });

        await AssertFailsAsync<ConflictException>(db => db.RefreshTokens.Add(new() { UserId = user.Id, SessionId = session.Id, TokenHash = token.TokenHash, ExpiresAt = token.ExpiresAt }));
        await AssertFailsAsync<ValidationException>(db => db.RefreshTokens.Add(new() { UserId = user.Id, SessionId = session.Id, TokenHash = [1, 2, 3], ExpiresAt = token.ExpiresAt }));
        await AssertFailsAsync<ValidationException>(db =>
        {
            var revoked = Entities.RefreshToken(session);
            revoked.Revoked = true;
            db.RefreshTokens.Add(revoked);
        });
    }

    [Fact]
    public async Task A_tmdb_id_is_unique_only_together_with_its_type()
    {
        var movie = Entities.MediaItem("A movie", MediaType.Movie);
        await SaveAsync(db => db.MediaItems.Add(movie));

        await SaveAsync(db => db.MediaItems.Add(Entities.MediaItem("A show with the same TMDB id", MediaType.Tv, movie.TmdbId)));
        await AssertFailsAsync<ConflictException>(db => db.MediaItems.Add(Entities.MediaItem("The same movie again", MediaType.Movie, movie.TmdbId)));
    }

    [Fact]
    public async Task Tmdb_ids_are_positive_and_ratings_between_0_and_10()
    {
        await AssertFailsAsync<ValidationException>(db => db.MediaItems.Add(Entities.MediaItem(tmdbId: 0)));
        await AssertFailsAsync<ValidationException>(db =>
        {
            var media = Entities.MediaItem();
            media.Rating = 10.5m;
            db.MediaItems.Add(media);
        });
    }

    [Fact]
    public async Task A_provider_offer_is_listed_once_per_title_and_names_a_region()
    {
        var media = Entities.MediaItem();
        await SaveAsync(db =>
        {
            db.MediaItems.Add(media);
            db.StreamingProviders.Add(Entities.Provider(media, 8, StreamingOfferType.Subscription, "US"));
            db.StreamingProviders.Add(Entities.Provider(media, 8, StreamingOfferType.Rent, "GB"));
        });

        await AssertFailsAsync<ConflictException>(db => db.StreamingProviders.Add(Entities.Provider(media, 8, StreamingOfferType.Subscription, "CA")));
        await AssertFailsAsync<ValidationException>(db =>
        {
            var provider = Entities.Provider(media, 9, StreamingOfferType.Buy);
            provider.Regions = [];
            db.StreamingProviders.Add(provider);
        });
    }

    [Fact]
    public async Task A_title_is_on_a_watchlist_once_and_ratings_are_1_to_10()
    {
        var user = Entities.User();
        var media = Entities.MediaItem();
        await SaveAsync(db =>
        {
            db.Users.Add(user);
            db.MediaItems.Add(media);
            db.WatchlistEntries.Add(Entities.WatchlistEntry(user, media));
        });

        await AssertFailsAsync<ConflictException>(db => db.WatchlistEntries.Add(Entities.WatchlistEntry(user, media)));
        var other = Entities.MediaItem();
        await AssertFailsAsync<ValidationException>(db =>
        {
            db.MediaItems.Add(other);
            db.WatchlistEntries.Add(Entities.WatchlistEntry(user, other, rating: 0));
        });
    }

    [Fact]
    public async Task A_user_is_a_member_of_a_family_once()
    {
        var user = Entities.User();
        var family = Entities.Family(user);
        await SaveAsync(db =>
        {
            db.Users.Add(user);
            db.Families.Add(family);
            db.FamilyMemberships.Add(Entities.Membership(family, user));
        });

        await AssertFailsAsync<ConflictException>(db => db.FamilyMemberships.Add(Entities.Membership(family, user)));
    }

    [Fact]
    public async Task Invitations_are_unique_per_family_and_address_with_unique_hashed_tokens()
    {
        var admin = Entities.User();
        var family = Entities.Family(admin);
        var invitation = Entities.Invitation(family, "guest@example.test", admin);
        await SaveAsync(db =>
        {
            db.Users.Add(admin);
            db.Families.Add(family);
            db.FamilyInvitations.Add(invitation);
        });

        await AssertFailsAsync<ConflictException>(db => db.FamilyInvitations.Add(Entities.Invitation(family, "guest@example.test")));
        await AssertFailsAsync<ConflictException>(db =>
        {
            var sameToken = Entities.Invitation(family, "other@example.test");
            sameToken.TokenHash = invitation.TokenHash;
            db.FamilyInvitations.Add(sameToken);
        });
        await AssertFailsAsync<ValidationException>(db => db.FamilyInvitations.Add(new()
        {
            FamilyId = family.Id,
            Email = "Guest2@Example.test",
            TokenHash = SecureToken.Hash(SecureToken.Generate()),
            ExpiresAt = DateTimeOffset.UtcNow,
        }));
        await AssertFailsAsync<ValidationException>(db =>
        {
            var shortHash = Entities.Invitation(family, "third@example.test");
            shortHash.TokenHash = [42];
            db.FamilyInvitations.Add(shortHash);
        });
        await AssertFailsAsync<ValidationException>(db =>
        {
            var accepted = Entities.Invitation(family, "fourth@example.test");
            accepted.Status = InvitationStatus.Accepted;
            db.FamilyInvitations.Add(accepted);
        });
    }

    [Fact]
    public async Task One_pending_recommendation_per_sender_recipient_and_title_and_never_to_oneself()
    {
        var sender = Entities.User();
        var recipient = Entities.User();
        var media = Entities.MediaItem();
        await SaveAsync(db =>
        {
            db.Users.AddRange(sender, recipient);
            db.MediaItems.Add(media);
            db.Recommendations.Add(Entities.Recommendation(sender, recipient, media, RecommendationStatus.Accepted));
            db.Recommendations.Add(Entities.Recommendation(sender, recipient, media));
        });

        await AssertFailsAsync<ConflictException>(db => db.Recommendations.Add(Entities.Recommendation(sender, recipient, media)));
        await AssertFailsAsync<ValidationException>(db => db.Recommendations.Add(Entities.Recommendation(sender, sender, media)));
    }

    [Theory]
    [InlineData("UPDATE watchlist_entries SET status = 'rewatching'")]
    [InlineData("UPDATE media_items SET tmdb_type = 'podcast'")]
    [InlineData("UPDATE family_memberships SET role = 'owner'")]
    [InlineData("UPDATE family_invitations SET status = 'lost'")]
    [InlineData("UPDATE family_invitations SET email_status = 'bounced'")]
    [InlineData("UPDATE recommendations SET status = 'maybe'")]
    [InlineData("UPDATE streaming_providers SET offer_type = 'pirate'")]
    [InlineData("UPDATE sessions SET revoked_reason = 'bored'")]
    public async Task Enum_columns_only_hold_their_names(string sql)
    {
        await SeedOneOfEachAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.IsType<ValidationException>(DatabaseErrors.Translate(error));
    }

    private async Task SeedOneOfEachAsync()
    {
        var user = Entities.User();
        var other = Entities.User();
        var media = Entities.MediaItem();
        var family = Entities.Family(user);
        await SaveAsync(db =>
        {
            db.Users.AddRange(user, other);
            db.MediaItems.Add(media);
            db.StreamingProviders.Add(Entities.Provider(media));
            db.WatchlistEntries.Add(Entities.WatchlistEntry(user, media));
            db.Families.Add(family);
            db.FamilyMemberships.Add(Entities.Membership(family, user));
            db.FamilyInvitations.Add(Entities.Invitation(family, $"{Guid.NewGuid():N}@example.test"));
            db.Recommendations.Add(Entities.Recommendation(user, other, media, RecommendationStatus.Rejected));
            db.Sessions.Add(Entities.Session(user));
        });
    }

    private Task SaveAsync(Action<InFocusDbContext> arrange) => fixture.DbAsync(async db =>
    {
        arrange(db);
        await db.SaveChangesAsync();
    });

    private async Task AssertFailsAsync<TException>(Action<InFocusDbContext> arrange)
        where TException : DomainException =>
        await Assert.ThrowsAsync<TException>(() => SaveAsync(arrange));
}
