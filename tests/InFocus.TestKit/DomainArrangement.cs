using InFocus.Domain.Accounts;

namespace InFocus.TestKit;

/// <summary>Shortcuts for arranging database state and callers in domain tests.</summary>
public static class DomainArrangement
{
    /// <summary>Saves <paramref name="entities"/> (in any order; EF sorts out dependencies) in one SaveChanges.</summary>
    public static Task SaveAsync(this DomainFixture fixture, params object[] entities) => fixture.DbAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    /// <summary>
    /// <paramref name="user"/> as the caller of a domain service. Services trust the caller the function's
    /// authentication produced; they do not look at its session.
    /// </summary>
    public static CurrentUser AsCaller(this User user) => new(user.Id, SessionId: "test-session");
}
