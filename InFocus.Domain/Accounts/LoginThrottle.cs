using System.Diagnostics;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Brute-force protection for every password check (sign-in, the invitation page, password change, account deletion)
/// that an attacker cannot aim at someone else. Counted in PostgreSQL within <see cref="AuthOptions.LoginWindow"/>:
/// <list type="bullet">
/// <item>failures per (account, client): over <see cref="AuthOptions.LoginFailuresPerAccountAndClient"/> that client
/// is refused for that account (429);</item>
/// <item>failures per client: over <see cref="AuthOptions.LoginFailuresPerClient"/> that client is refused for every account;</item>
/// <item>failures per account from all clients: from <see cref="AuthOptions.LoginFailuresPerAccountBeforeDelay"/> on,
/// every check of that account waits <see cref="AuthOptions.LoginPressureDelay"/> first. That slows a distributed guess
/// and never locks out the owner: a correct password from a client within its own limits always signs in.</item>
/// </list>
/// <para>
/// Race-free by design: an attempt is recorded as in flight before the password is checked, and waits (briefly) while
/// the failures plus the attempts that began before it could reach a limit; once those resolve it proceeds or is refused.
/// So however many guesses one client sends at once, at most the limit are checked, while concurrent correct sign-ins
/// are never refused because of each other: a correct attempt removes its own row and its pair's failures, a wrong one
/// becomes a failure.
/// </para>
/// </summary>
public sealed class LoginThrottle(InFocusDbContext db, PasswordHasher hasher, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>How often a waiting attempt looks again, and how long it waits at most before it is refused.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="passwordHash"/> (null: no such account, still a full
    /// bcrypt run) under the limits; true when it is right. Throws 429 when the client is over one of its limits.
    /// </summary>
    public async Task<bool> CheckAsync(string email, string clientAddress, string password, string? passwordHash, CancellationToken cancellationToken)
    {
        var attempt = new LoginFailure { Email = email, ClientAddress = clientAddress, AttemptedAt = clock.GetUtcNow(), InFlight = true };
        db.LoginFailures.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(attempt).State = EntityState.Detached;
        bool matches;
        try
        {
            await WaitForTurnAsync(attempt, cancellationToken);
            matches = await hasher.VerifyAsync(password, passwordHash, cancellationToken);
        }
        catch
        {
            // Refused (429), or no bcrypt slot free (503): not a failure of the password.
            await Mine(attempt).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        if (matches)
        {
            await db.LoginFailures
                .Where(f => f.Email == email && f.ClientAddress == clientAddress && (f.Id == attempt.Id || !f.InFlight))
                .ExecuteDeleteAsync(CancellationToken.None);
            return true;
        }

        await Mine(attempt).ExecuteUpdateAsync(s => s.SetProperty(f => f.InFlight, false), CancellationToken.None);
        return false;
    }

    private IQueryable<LoginFailure> Mine(LoginFailure attempt) => db.LoginFailures.Where(f => f.Id == attempt.Id);

    /// <summary>Returns when this attempt may be checked; 429 when a limit is reached by failures alone (or it waited too long).</summary>
    private async Task WaitForTurnAsync(LoginFailure attempt, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var waited = Stopwatch.StartNew();
        var pressureApplied = false;
        while (true)
        {
            var now = clock.GetUtcNow();
            var since = now - limits.LoginWindow;
            var email = attempt.Email;
            var client = attempt.ClientAddress;
            var counts = await db.LoginFailures
                .Where(f => f.AttemptedAt > since && f.Id != attempt.Id && (f.Email == email || f.ClientAddress == client))
                .GroupBy(_ => 1)
                .Select(g => new Counts(
                    g.Count(f => !f.InFlight && f.Email == email && f.ClientAddress == client),
                    g.Count(f => f.InFlight && f.Sequence < attempt.Sequence && f.Email == email && f.ClientAddress == client),
                    g.Where(f => !f.InFlight && f.Email == email && f.ClientAddress == client).Min(f => (DateTimeOffset?)f.AttemptedAt),
                    g.Count(f => !f.InFlight && f.ClientAddress == client),
                    g.Count(f => f.InFlight && f.Sequence < attempt.Sequence && f.ClientAddress == client),
                    g.Where(f => !f.InFlight && f.ClientAddress == client).Min(f => (DateTimeOffset?)f.AttemptedAt),
                    g.Count(f => !f.InFlight && f.Email == email)))
                .FirstOrDefaultAsync(cancellationToken)
                ?? Counts.None;

            var retryAfter = TimeSpan.Zero;
            if (counts.PairFailures >= limits.LoginFailuresPerAccountAndClient)
            {
                retryAfter = Max(retryAfter, counts.PairOldest!.Value + limits.LoginWindow - now);
            }

            if (counts.ClientFailures >= limits.LoginFailuresPerClient)
            {
                retryAfter = Max(retryAfter, counts.ClientOldest!.Value + limits.LoginWindow - now);
            }

            if (retryAfter > TimeSpan.Zero)
            {
                throw new TooManyRequestsException("Too many failed sign-in attempts from this client. Try again later.", retryAfter);
            }

            var mayReachLimit = counts.PairFailures + counts.PairInFlightBefore >= limits.LoginFailuresPerAccountAndClient
                || counts.ClientFailures + counts.ClientInFlightBefore >= limits.LoginFailuresPerClient;
            if (!mayReachLimit)
            {
                if (!pressureApplied && counts.AccountFailures >= limits.LoginFailuresPerAccountBeforeDelay)
                {
                    // Many clients are failing at this account: slow every check of it down, lock nobody out.
                    pressureApplied = true;
                    await Task.Delay(limits.LoginPressureDelay, cancellationToken);
                    continue;
                }

                return;
            }

            if (waited.Elapsed >= MaxWait)
            {
                throw new TooManyRequestsException("Too many sign-in attempts from this client at once. Try again later.", TimeSpan.FromSeconds(1));
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The failures and earlier in-flight attempts that count against one attempt.</summary>
    private sealed record Counts(
        int PairFailures,
        int PairInFlightBefore,
        DateTimeOffset? PairOldest,
        int ClientFailures,
        int ClientInFlightBefore,
        DateTimeOffset? ClientOldest,
        int AccountFailures)
    {
        public static readonly Counts None = new(0, 0, null, 0, 0, null, 0);
    }
}
