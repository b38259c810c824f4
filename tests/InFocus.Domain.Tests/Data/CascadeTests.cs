using InFocus.Domain.Accounts;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Data;

/// <summary>Hard deletes cascade to what a row owns and to nothing else.</summary>
public sealed class CascadeTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Deleting_a_user_deletes_what_they_own_and_leaves_shared_and_other_users_data()
    {
        var world = await ArrangeAsync();

        await DeleteAsync(db => db.Users.Where(u => u.Id == world.Doomed.Id));

        await fixture.DbAsync(async db =>
        {
            Assert.False(await db.Profiles.AnyAsync(p => p.UserId == world.Doomed.Id));
            Assert.False(await db.Sessions.AnyAsync(s => s.UserId == world.Doomed.Id));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == world.Doomed.Id));
            Assert.False(await db.WatchlistEntries.AnyAsync(e => e.UserId == world.Doomed.Id));
            Assert.False(await db.FamilyMemberships.AnyAsync(m => m.UserId == world.Doomed.Id));
            Assert.False(await db.Recommendations.AnyAsync(r => r.RecommendedById == world.Doomed.Id || r.RecommendedToId == world.Doomed.Id));

            Assert.True(await db.MediaItems.AnyAsync(m => m.Id == world.Media.Id));
            var family = await db.Families.SingleAsync(f => f.Id == world.Family.Id);
            Assert.Null(family.CreatedById);
            Assert.Null((await db.FamilyInvitations.SingleAsync(i => i.FamilyId == world.Family.Id)).InvitedById);
            Assert.True(await db.FamilyMemberships.AnyAsync(m => m.UserId == world.Survivor.Id));
            Assert.True(await db.WatchlistEntries.AnyAsync(e => e.UserId == world.Survivor.Id));
            Assert.True(await db.Sessions.AnyAsync(s => s.UserId == world.Survivor.Id));
            Assert.True(await db.Profiles.AnyAsync(p => p.UserId == world.Survivor.Id));
        });
    }

    [Fact]
    public async Task Deleting_a_title_deletes_its_providers_watchlist_entries_and_recommendations()
    {
        var world = await ArrangeAsync();

        await DeleteAsync(db => db.MediaItems.Where(m => m.Id == world.Media.Id));

        await fixture.DbAsync(async db =>
        {
            Assert.False(await db.StreamingProviders.AnyAsync(p => p.MediaItemId == world.Media.Id));
            Assert.False(await db.WatchlistEntries.AnyAsync(e => e.MediaItemId == world.Media.Id));
            Assert.False(await db.Recommendations.AnyAsync(r => r.MediaItemId == world.Media.Id));
            Assert.True(await db.Users.AnyAsync(u => u.Id == world.Doomed.Id));
        });
    }

    [Fact]
    public async Task Deleting_a_family_deletes_its_memberships_and_invitations_only()
    {
        var world = await ArrangeAsync();

        await DeleteAsync(db => db.Families.Where(f => f.Id == world.Family.Id));

        await fixture.DbAsync(async db =>
        {
            Assert.False(await db.FamilyMemberships.AnyAsync(m => m.FamilyId == world.Family.Id));
            Assert.False(await db.FamilyInvitations.AnyAsync(i => i.FamilyId == world.Family.Id));
            Assert.Equal(2, await db.Users.CountAsync(u => u.Id == world.Doomed.Id || u.Id == world.Survivor.Id));
            Assert.Equal(2, await db.WatchlistEntries.CountAsync(e => e.MediaItemId == world.Media.Id));
        });
    }

    [Fact]
    public async Task Ending_a_session_row_deletes_its_refresh_tokens_but_not_other_sessions()
    {
        var world = await ArrangeAsync();
        var sessionId = await fixture.DbAsync(db => db.Sessions.Where(s => s.UserId == world.Doomed.Id).Select(s => s.Id).FirstAsync());

        await DeleteAsync(db => db.Sessions.Where(s => s.Id == sessionId));

        await fixture.DbAsync(async db =>
        {
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.SessionId == sessionId));
            Assert.True(await db.RefreshTokens.AnyAsync(t => t.UserId == world.Survivor.Id));
        });
    }

    private async Task<World> ArrangeAsync()
    {
        var doomed = Entities.User();
        var survivor = Entities.User();
        var media = Entities.MediaItem();
        var family = Entities.Family(doomed);
        await fixture.DbAsync(async db =>
        {
            db.Users.AddRange(doomed, survivor);
            db.Profiles.AddRange(new() { UserId = doomed.Id }, new() { UserId = survivor.Id });
            db.MediaItems.Add(media);
            db.StreamingProviders.Add(Entities.Provider(media));
            db.WatchlistEntries.AddRange(Entities.WatchlistEntry(doomed, media), Entities.WatchlistEntry(survivor, media));
            db.Families.Add(family);
            db.FamilyMemberships.AddRange(Entities.Membership(family, doomed, FamilyRole.Admin), Entities.Membership(family, survivor, FamilyRole.Admin));
            db.FamilyInvitations.Add(Entities.Invitation(family, $"{Guid.NewGuid():N}@example.test", doomed));
            db.Recommendations.AddRange(Entities.Recommendation(doomed, survivor, media), Entities.Recommendation(survivor, doomed, media));
            foreach (var user in new[] { doomed, survivor })
            {
                var session = Entities.Session(user);
                db.Sessions.Add(session);
                db.RefreshTokens.Add(Entities.RefreshToken(session));
            }

            await db.SaveChangesAsync();
        });
        return new World(doomed, survivor, media, family);
    }

    private Task DeleteAsync<T>(Func<InFocusDbContext, IQueryable<T>> rows) =>
        fixture.DbAsync(db => rows(db).ExecuteDeleteAsync());

    private sealed record World(User Doomed, User Survivor, MediaItem Media, Family Family);
}
