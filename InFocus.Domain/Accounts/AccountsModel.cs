using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> entity)
    {
        entity.ToTable("users", t =>
        {
            t.HasCheckConstraint(Constraints.UserEmailNormalized, "email = lower(btrim(email))");
            t.HasCheckConstraint(Constraints.UserRegionCode, "region ~ '^[A-Z]{2}$'");
        });
        entity.Property(e => e.Region).HasMaxLength(FieldLimits.Region);
        entity.HasCuidKey();
        entity.Property(e => e.Email).HasMaxLength(FieldLimits.Email);
        entity.HasIndex(e => e.Email).IsUnique().HasDatabaseName(Constraints.UserEmailUnique);
        entity.Property(e => e.PasswordHash).HasMaxLength(100);
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.PersonName);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.Profile).WithOne(p => p.User).HasForeignKey<Profile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> entity)
    {
        entity.ToTable("profiles", t => t.HasCheckConstraint(Constraints.ProfilePreferencesObject, "jsonb_typeof(preferences) = 'object'"));
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.UserId).IsUnique().HasDatabaseName(Constraints.ProfileUserUnique);
        // The daily digest's writer reads the opted-in users only.
        entity.HasIndex(e => e.UserId, "ix_profiles_daily_digest").HasDatabaseName("ix_profiles_daily_digest").HasFilter("(preferences -> 'notifications' ->> 'email') = 'daily'");
        entity.Property(e => e.Bio).HasMaxLength(FieldLimits.Bio);
        entity.Property(e => e.Avatar).HasMaxLength(FieldLimits.Url);
        entity.Property(e => e.Preferences).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> entity)
    {
        entity.ToTable("sessions");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.UserId);
        entity.HasIndex(e => e.ExpiresAt);
        entity.Property(e => e.UserAgent).HasMaxLength(FieldLimits.UserAgent);
        entity.Property(e => e.ClientAddress).HasMaxLength(FieldLimits.ClientAddress);
        entity.HasEnumText<Session, SessionRevocationReason>(e => e.RevokedReason, "revoked_reason");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> entity)
    {
        entity.ToTable("refresh_tokens", t =>
        {
            t.HasCheckConstraint(Constraints.RefreshTokenHashLength, "octet_length(token_hash) = 32");
            t.HasCheckConstraint(Constraints.RefreshTokenRevocation, "revoked = (revoked_at IS NOT NULL)");
        });
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.SessionId).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.TokenHash).IsUnique().HasDatabaseName(Constraints.RefreshTokenHashUnique);
        entity.HasIndex(e => e.UserId);
        entity.HasIndex(e => e.SessionId);
        entity.HasIndex(e => e.ExpiresAt);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.Session).WithMany(s => s.RefreshTokens).HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> entity)
    {
        entity.ToTable("login_failures");
        entity.HasCuidKey();
        entity.Property(e => e.Email).HasMaxLength(FieldLimits.Email);
        entity.Property(e => e.ClientAddress).HasMaxLength(FieldLimits.ClientAddress);
        entity.HasIndex(e => new { e.Email, e.AttemptedAt });
        entity.HasIndex(e => new { e.ClientAddress, e.AttemptedAt });
        entity.HasIndex(e => e.AttemptedAt);
        entity.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class PendingRegistrationConfiguration : IEntityTypeConfiguration<PendingRegistration>
{
    public void Configure(EntityTypeBuilder<PendingRegistration> entity)
    {
        entity.ToTable("pending_registrations", t => t.HasCheckConstraint(Constraints.PendingRegistrationEmailNormalized, "email = lower(btrim(email))"));
        entity.HasCuidKey();
        entity.Property(e => e.Email).HasMaxLength(FieldLimits.Email);
        entity.HasIndex(e => e.Email).IsUnique().HasDatabaseName(Constraints.PendingRegistrationEmailUnique);
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.PersonName);
        entity.Property(e => e.PasswordHash).HasMaxLength(100);
        entity.HasIndex(e => e.ExpiresAt);
        entity.HasOutboxEmail(Constraints.PendingRegistrationTokenUnique, Constraints.PendingRegistrationTokenHashLength);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> entity)
    {
        entity.ToTable("password_resets");
        entity.HasCuidKey();
        entity.Property(e => e.Email).HasMaxLength(FieldLimits.Email);
        entity.HasIndex(e => e.Email);
        entity.HasIndex(e => e.ExpiresAt);
        entity.HasOutboxEmail(Constraints.PasswordResetTokenUnique, Constraints.PasswordResetTokenHashLength);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}
