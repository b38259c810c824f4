using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Brute-force protection for every password check (sign-in, password change, account deletion): at most 5 failures
/// per account (email, whether or not it exists) and 20 per client address within 15 minutes, counted in PostgreSQL so
/// every function instance sees the same numbers.
/// <para>
/// An attempt is recorded as a failure <em>before</em> the password is checked and counted after that insert has
/// committed, so concurrent guesses see each other: however many run in parallel, at most the limit get to bcrypt.
/// A refused attempt removes its own row (hammering a locked account does not extend the lock); a successful one
/// removes the account's rows, which resets the account counter but not the address counter, so a client cannot
/// launder its guesses by signing in to an account of its own in between.
/// </para>
/// </summary>
public sealed class LoginThrottle(InFocusDbContext db, TimeProvider clock)
{
    public const int AccountLimit = 5;
    public const int AddressLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Records the attempt; throws 429 (attempt not recorded) when the account or the address is over its limit.</summary>
    public async Task BeginAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = new LoginFailure { Email = email, ClientAddress = clientAddress, AttemptedAt = now };
        db.LoginFailures.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(attempt).State = EntityState.Detached;

        var since = now - Window;
        var counts = await db.LoginFailures
            .Where(f => f.AttemptedAt > since && (f.Email == email || f.ClientAddress == clientAddress))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Account = g.Count(f => f.Email == email),
                AccountOldest = g.Where(f => f.Email == email).Min(f => (DateTimeOffset?)f.AttemptedAt),
                Address = g.Count(f => f.ClientAddress == clientAddress),
                AddressOldest = g.Where(f => f.ClientAddress == clientAddress).Min(f => (DateTimeOffset?)f.AttemptedAt),
            })
            .SingleAsync(cancellationToken);

        var retryAfter = TimeSpan.Zero;
        if (counts.Account > AccountLimit)
        {
            retryAfter = Max(retryAfter, counts.AccountOldest!.Value + Window - now);
        }

        if (counts.Address > AddressLimit)
        {
            retryAfter = Max(retryAfter, counts.AddressOldest!.Value + Window - now);
        }

        if (retryAfter > TimeSpan.Zero)
        {
            await db.LoginFailures.Where(f => f.Id == attempt.Id).ExecuteDeleteAsync(cancellationToken);
            throw new TooManyRequestsException("Too many failed sign-in attempts. Try again later.", retryAfter);
        }
    }

    /// <summary>The password was right: the account's failures (this attempt's row included) are forgotten.</summary>
    public Task SucceededAsync(string email, CancellationToken cancellationToken) =>
        db.LoginFailures.Where(f => f.Email == email).ExecuteDeleteAsync(cancellationToken);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
