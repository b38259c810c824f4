using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Families;
using InFocus.Domain.Imports;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Notifications;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Tonight;
using InFocus.Domain.Watchlist;
using InFocus.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Data;

public sealed class InFocusDbContext : DbContext
{
    /// <summary>
    /// Without EF Core's automatic savepoints: <c>SaveChanges</c> in a transaction would otherwise wrap its batch in
    /// <c>SAVEPOINT</c> and <c>RELEASE SAVEPOINT</c>, two more round trips, and ignores a failed release. When PostgreSQL
    /// drops the connection right then, <c>SaveChanges</c> returns as if it had saved; the next statement met Npgsql's
    /// "Transaction is already completed" (a 500 instead of a 503), and a query reopened the connection outside the
    /// transaction. Without them the failure surfaces where it happens, as a transient Npgsql error. No service goes on
    /// with a transaction after a failed save (a conflict is handled after the transaction is rolled back), which is
    /// all a savepoint would allow.
    /// </summary>
    public InFocusDbContext(DbContextOptions<InFocusDbContext> options)
        : base(options)
    {
        // Pooled contexts keep it: the pool restores the settings a context had when it was created.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<PendingRegistration> PendingRegistrations => Set<PendingRegistration>();

    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    public DbSet<RateLimitHit> RateLimitHits => Set<RateLimitHit>();

    public DbSet<RequestPacing> RequestPacing => Set<RequestPacing>();

    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public DbSet<StreamingProvider> StreamingProviders => Set<StreamingProvider>();

    public DbSet<WatchProvider> WatchProviders => Set<WatchProvider>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<TonightPick> TonightPicks => Set<TonightPick>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WatchlistEntry> WatchlistEntries => Set<WatchlistEntry>();

    public DbSet<Season> Seasons => Set<Season>();

    public DbSet<Episode> Episodes => Set<Episode>();

    public DbSet<Viewing> Viewings => Set<Viewing>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<WatchlistTotals> WatchlistTotals => Set<WatchlistTotals>();

    public DbSet<WatchlistGenreCount> WatchlistGenreCounts => Set<WatchlistGenreCount>();

    public DbSet<Family> Families => Set<Family>();

    public DbSet<FamilyMembership> FamilyMemberships => Set<FamilyMembership>();

    public DbSet<FamilyTitle> FamilyTitles => Set<FamilyTitle>();

    public DbSet<FamilyInvitation> FamilyInvitations => Set<FamilyInvitation>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Import> Imports => Set<Import>();

    public DbSet<ImportRow> ImportRows => Set<ImportRow>();

    public DbSet<TitleLookup> TitleLookups => Set<TitleLookup>();

    public DbSet<ImportEntryDate> ImportEntryDates => Set<ImportEntryDate>();

    /// <summary>Saves, turning constraint violations into domain errors (409 / 400) instead of raw database exceptions.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && DatabaseErrors.Translate(e) is { } domainError)
        {
            throw domainError;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("InFocus saves asynchronously; use SaveChangesAsync.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InFocusDbContext).Assembly);
}
