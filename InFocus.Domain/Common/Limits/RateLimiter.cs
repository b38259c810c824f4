using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Common.Limits;

/// <summary>
/// Sliding-window limits counted in PostgreSQL (<c>rate_limit_hits</c>), exact under concurrency: one short transaction
/// takes a transaction-scoped advisory lock per key (in a fixed order, so two callers never deadlock), counts each
/// key's uses in its window, and records one use of every key only when none is over its limit. Either all the limits
/// allow the action and it is counted against each of them, or it is refused (429 with <c>Retry-After</c>: when the
/// oldest counted use of the fullest key leaves its window) and counted against none. Called inside a transaction of
/// the caller, it joins it: the count is kept only if the caller commits, and the keys stay locked until then.
/// </summary>
public sealed class RateLimiter(InFocusDbContext db, TimeProvider clock)
{
    public async Task AcquireAsync(IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken)
    {
        // A zero window (a cooldown set to 0) is a limit switched off.
        var ordered = limits.Where(l => l.Window > TimeSpan.Zero).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            await CountAsync(ordered, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// For a batch job, inside the caller's transaction: locks the limit's key (until the caller commits) and answers
    /// how many uses are left in its window; the job then does at most that many and records them with
    /// <see cref="RecordAsync"/> in the same transaction. Two statements.
    /// </summary>
    public async Task<int> RemainingAsync(RateLimit limit, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("RemainingAsync holds the limit's lock until the caller's transaction ends; call it inside one.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({limit.Key}, 0))", cancellationToken);
        var since = clock.GetUtcNow() - limit.Window;
        var used = await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM rate_limit_hits WHERE key = {limit.Key} AND at > {since}""")
            .SingleAsync(cancellationToken);
        return Math.Max(0, limit.Count - used);
    }

    /// <summary>Records <paramref name="count"/> uses of the limit (after <see cref="RemainingAsync"/>, same transaction). One statement.</summary>
    public Task RecordAsync(RateLimit limit, int count, CancellationToken cancellationToken) =>
        count <= 0
            ? Task.CompletedTask
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO rate_limit_hits (id, key, at)
                SELECT id, {limit.Key}, {clock.GetUtcNow()} FROM unnest({Enumerable.Range(0, count).Select(_ => Cuid.NewId()).ToArray()}) AS id
                """, cancellationToken);

    private async Task CountAsync(List<RateLimit> ordered, CancellationToken cancellationToken)
    {
        var keys = ordered.Select(l => l.Key).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(@keys) WITH ORDINALITY AS v(k, n) ORDER BY n",
            [Array("keys", keys, NpgsqlDbType.Text)],
            cancellationToken);

        // The time is read once the keys are locked, so a use recorded by whoever held them is never in this one's future.
        var now = clock.GetUtcNow();
        var usage = await db.Database.SqlQueryRaw<UsageRow>(
                """
                SELECT v.n::int AS position, count(h.id)::int AS used, min(h.at) AS oldest
                FROM unnest(@keys, @since) WITH ORDINALITY AS v(k, since, n)
                LEFT JOIN rate_limit_hits AS h ON h.key = v.k AND h.at > v.since
                GROUP BY v.n
                """,
                Array("keys", keys, NpgsqlDbType.Text),
                Array("since", ordered.Select(l => now - l.Window).ToArray(), NpgsqlDbType.TimestampTz))
            .ToListAsync(cancellationToken);

        var refused = usage
            .Select(u => (Limit: ordered[u.Position - 1], u.Used, u.Oldest))
            .Where(u => u.Used >= u.Limit.Count)
            .Select(u => (u.Limit, RetryAfter: u.Oldest!.Value + u.Limit.Window - now))
            .OrderByDescending(u => u.RetryAfter)
            .FirstOrDefault();
        if (refused.Limit is not null)
        {
            throw new TooManyRequestsException(refused.Limit.Message, refused.RetryAfter);
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO rate_limit_hits (id, key, at) SELECT * FROM unnest(@ids, @keys, @at)",
            [
                Array("ids", keys.Select(_ => Cuid.NewId()).ToArray(), NpgsqlDbType.Text),
                Array("keys", keys, NpgsqlDbType.Text),
                Array("at", keys.Select(_ => now).ToArray(), NpgsqlDbType.TimestampTz),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, T[] values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };

    /// <summary>A row of the usage query (columns in the model's snake_case).</summary>
    private sealed record UsageRow(int Position, int Used, DateTimeOffset? Oldest);
}
