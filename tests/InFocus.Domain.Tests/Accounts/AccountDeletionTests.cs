using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InFocus.Domain.Tests.Accounts;

public sealed class AccountDeletionTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    /// <summary>One client per test: the lockout counts per account and client.</summary>
    private readonly ClientInfo _client = TestAccounts.NewClient();

    [Fact]
    public async Task Deleting_an_account_removes_every_row_it_owns_and_leaves_others_rows()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        await fixture.WithAsync<TokenRefreshService, TokenPair>(s => s.RefreshAsync(new RefreshRequest(account.Tokens.RefreshToken), TestAccounts.NewClient(), default));
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            fixture.WithAsync<SignInService, TokenPair>(s => s.LoginAsync(new LoginRequest(account.Email, "wrong"), TestAccounts.NewClient(), default)));
        var family = await fixture.DbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.UserId);
            var stranger = await db.Users.SingleAsync(u => u.Id == other.UserId);
            var media = Entities.MediaItem();
            var family = Entities.Family(user);
            db.AddRange(
                media,
                family,
                Entities.Membership(family, stranger, FamilyRole.Admin),
                Entities.Membership(family, user),
                Entities.WatchlistEntry(user, media),
                Entities.WatchlistEntry(stranger, media),
                Entities.Recommendation(user, stranger, media),
                Entities.Recommendation(stranger, user, media),
                Entities.Invitation(family, "friend@example.com", invitedBy: user));
            await db.SaveChangesAsync();
            return family;
        });

        await DeleteAsync(account);

        await fixture.DbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == account.UserId));
            Assert.False(await db.Profiles.AnyAsync(p => p.UserId == account.UserId));
            Assert.False(await db.Sessions.AnyAsync(s => s.UserId == account.UserId));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == account.UserId));
            Assert.False(await db.WatchlistEntries.AnyAsync(e => e.UserId == account.UserId));
            Assert.False(await db.FamilyMemberships.AnyAsync(m => m.UserId == account.UserId));
            Assert.False(await db.Recommendations.AnyAsync(r => r.RecommendedById == account.UserId || r.RecommendedToId == account.UserId));
            Assert.False(await db.LoginFailures.AnyAsync(f => f.Email == account.Email));

            var survivor = await db.Families.SingleAsync(f => f.Id == family.Id);
            Assert.Null(survivor.CreatedById);
            Assert.Null((await db.FamilyInvitations.SingleAsync(i => i.FamilyId == family.Id)).InvitedById);
            Assert.True(await db.Users.AnyAsync(u => u.Id == other.UserId));
            Assert.True(await db.WatchlistEntries.AnyAsync(e => e.UserId == other.UserId));
            Assert.True(await db.Sessions.AnyAsync(s => s.UserId == other.UserId));
        });
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(account.Tokens.AccessToken, default)));
    }

    [Fact]
    public async Task The_longest_standing_member_becomes_admin_where_the_user_was_the_only_admin()
    {
        var account = await fixture.RegisterAsync();
        var family = await AddFamilyAsync(account, FamilyRole.Admin);
        var veteran = await JoinAsync(family, FamilyRole.Member);
        var newcomer = await JoinAsync(family, FamilyRole.Member);

        await DeleteAsync(account);

        Assert.Equal(FamilyRole.Admin, await RoleAsync(family, veteran));
        Assert.Equal(FamilyRole.Member, await RoleAsync(family, newcomer));
    }

    [Fact]
    public async Task Nobody_is_promoted_where_another_admin_remains_or_the_user_was_not_admin()
    {
        var account = await fixture.RegisterAsync();
        var coAdmined = await AddFamilyAsync(account, FamilyRole.Admin);
        var veteran = await JoinAsync(coAdmined, FamilyRole.Member);
        var otherAdmin = await JoinAsync(coAdmined, FamilyRole.Admin);
        var joined = await AddFamilyAsync(null, FamilyRole.Admin);
        await JoinAsync(joined, FamilyRole.Member, account.UserId);
        var fellowMember = await JoinAsync(joined, FamilyRole.Member);

        await DeleteAsync(account);

        Assert.Equal(FamilyRole.Member, await RoleAsync(coAdmined, veteran));
        Assert.Equal(FamilyRole.Admin, await RoleAsync(coAdmined, otherAdmin));
        Assert.Equal(FamilyRole.Member, await RoleAsync(joined, fellowMember));
    }

    [Fact]
    public async Task Families_the_user_was_alone_in_are_deleted_and_others_kept()
    {
        var account = await fixture.RegisterAsync();
        var alone = await AddFamilyAsync(account, FamilyRole.Admin);
        var shared = await AddFamilyAsync(account, FamilyRole.Admin);
        await JoinAsync(shared, FamilyRole.Member);

        await DeleteAsync(account);

        Assert.False(await fixture.DbAsync(db => db.Families.AnyAsync(f => f.Id == alone)));
        Assert.True(await fixture.DbAsync(db => db.Families.AnyAsync(f => f.Id == shared)));
    }

    [Fact]
    public async Task The_hand_over_takes_the_same_statements_for_one_family_or_many()
    {
        var few = await CountDeletionStatementsAsync(families: 1);
        var many = await CountDeletionStatementsAsync(families: 6);

        Assert.Equal(few, many);
    }

    [Fact]
    public async Task A_wrong_password_deletes_nothing_and_counts_towards_the_clients_lockout()
    {
        var account = await fixture.RegisterAsync();
        for (var i = 0; i < new AuthOptions().LoginFailuresPerAccountAndClient; i++)
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => DeleteAsync(account, "not my password"));
            Assert.Equal("is incorrect.", Assert.Single(error.Errors["password"]));
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => DeleteAsync(account));
        Assert.True(await fixture.DbAsync(db => db.Users.AnyAsync(u => u.Id == account.UserId)));
    }

    [Fact]
    public async Task Deleting_an_account_twice_signs_the_second_caller_out()
    {
        var account = await fixture.RegisterAsync();
        await DeleteAsync(account);

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => DeleteAsync(account));

        Assert.True(error.InvalidToken);
    }

    [Fact]
    public async Task Two_deletions_at_once_delete_the_account_once_and_sign_the_other_caller_out()
    {
        var account = await fixture.RegisterAsync();
        await AddFamilyAsync(account, FamilyRole.Admin);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await DeleteAsync(account);
                return "deleted";
            }
            catch (AuthenticationException)
            {
                return "signed out";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "deleted"));
        Assert.Equal(3, outcomes.Count(o => o == "signed out"));
        Assert.False(await fixture.DbAsync(db => db.Users.AnyAsync(u => u.Id == account.UserId)));
    }

    [Fact]
    public async Task A_deletion_that_waited_for_another_of_the_same_account_signs_out_instead_of_deleting_twice()
    {
        var account = await fixture.RegisterAsync();
        await using var other = new NpgsqlConnection(fixture.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await Execute(other, "SELECT 1 FROM users WHERE id = @id FOR UPDATE", account.UserId);

        var deletion = DeleteAsync(account);
        await Eventually.TrueAsync(
            async () => (long)(await new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", other).ExecuteScalarAsync())! > 0,
            "the deletion waits for the row lock");
        await Execute(other, "DELETE FROM users WHERE id = @id", account.UserId);
        await transaction.CommitAsync();

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => deletion);
        Assert.True(error.InvalidToken);
    }

    [Fact]
    public async Task Two_admins_deleting_their_accounts_at_once_leave_their_family_an_admin()
    {
        // Several rounds: without the family lock each is a race that the hand-over loses often, not always.
        for (var round = 0; round < 5; round++)
        {
            var first = await fixture.RegisterAsync();
            var second = await fixture.RegisterAsync();
            var family = await AddFamilyAsync(first, FamilyRole.Admin);
            await JoinAsync(family, FamilyRole.Admin, second.UserId);
            var member = await JoinAsync(family, FamilyRole.Member);

            await Task.WhenAll(DeleteAsync(first), DeleteAsync(second));

            Assert.Equal(FamilyRole.Admin, await RoleAsync(family, member));
        }
    }

    [Fact]
    public async Task The_password_is_required()
    {
        var account = await fixture.RegisterAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => DeleteAsync(account, ""));

        Assert.Equal("is required.", Assert.Single(error.Errors["password"]));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, string id)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("id", id) } };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> CountDeletionStatementsAsync(int families)
    {
        var account = await fixture.RegisterAsync();
        for (var i = 0; i < families; i++)
        {
            var family = await AddFamilyAsync(account, FamilyRole.Admin);
            await JoinAsync(family, FamilyRole.Member);
        }

        fixture.Statements.Reset();
        await DeleteAsync(account);
        return fixture.Statements.Count;
    }

    private Task DeleteAsync(TestAccount account, string? password = null) =>
        fixture.WithAsync<AccountDeletionService>(s => s.DeleteAsync(account.User, new DeleteAccountRequest(password ?? account.Password), _client, default));

    /// <summary>A family with <paramref name="member"/> (or a fresh user) in <paramref name="role"/>.</summary>
    private async Task<string> AddFamilyAsync(TestAccount? member, FamilyRole role) =>
        await fixture.DbAsync(async db =>
        {
            var user = member is null ? Entities.User() : await db.Users.SingleAsync(u => u.Id == member.UserId);
            var family = Entities.Family(user);
            db.AddRange(family, Entities.Membership(family, user, role));
            if (member is null)
            {
                db.Add(user);
            }

            await db.SaveChangesAsync();
            return family.Id;
        });

    /// <summary>Adds a member in its own transaction, so join times follow the call order.</summary>
    private Task<string> JoinAsync(string familyId, FamilyRole role, string? userId = null) =>
        fixture.DbAsync(async db =>
        {
            var user = userId is null ? Entities.User() : await db.Users.SingleAsync(u => u.Id == userId);
            if (userId is null)
            {
                db.Add(user);
            }

            db.Add(new FamilyMembership { FamilyId = familyId, UserId = user.Id, Role = role });
            await db.SaveChangesAsync();
            return user.Id;
        });

    private Task<FamilyRole> RoleAsync(string familyId, string userId) =>
        fixture.DbAsync(db => db.FamilyMemberships.Where(m => m.FamilyId == familyId && m.UserId == userId).Select(m => m.Role).SingleAsync());
}
