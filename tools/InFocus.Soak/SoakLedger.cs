using System.Collections.Concurrent;
using InFocus.Domain.Data;
using InFocus.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Soak;

/// <summary>
/// Every write the API acknowledged (2xx), as the clients saw it, and the check of the database against it at the end:
/// each acknowledged watchlist entry there with its last acknowledged rating, each acknowledged removal gone, exactly the
/// entries expected per user (none lost, none duplicated), every family, invitation and answered recommendation there,
/// nothing half-applied. Each virtual user writes only its own rows, one request at a time, so "last acknowledged" is
/// well defined; a write without a reply (cut off by a killed host) or answered 503 (PostgreSQL gone, perhaps after the
/// commit) may have happened or not, and is allowed either way.
/// </summary>
public sealed class SoakLedger
{
    private readonly ConcurrentDictionary<string, UserLedger> _users = new();
    private readonly ConcurrentBag<string> _families = [];
    private readonly ConcurrentBag<string> _invitations = [];
    private readonly ConcurrentDictionary<string, RecommendationStatus> _recommendations = new();
    private readonly ConcurrentDictionary<string, byte> _answersInDoubt = new();
    private int _writes;

    public int AcknowledgedWrites => _writes;

    public UserLedger For(string userId) => _users.GetOrAdd(userId, _ => new UserLedger(this));

    public void FamilyCreated(string id) => Acknowledge(() => _families.Add(id));

    public void Invited(string id) => Acknowledge(() => _invitations.Add(id));

    /// <summary>
    /// A recommendation created. Its recipient may already have answered it (and recorded the answer) before this
    /// reply was read, so an answer recorded first stands.
    /// </summary>
    public void Recommended(string id) => Acknowledge(() => _recommendations.TryAdd(id, RecommendationStatus.Pending));

    public void Answered(string id, RecommendationStatus status) => Acknowledge(() => _recommendations[id] = status);

    /// <summary>An answer sent without an acknowledgement (no reply, or 503): the recommendation may be answered or still pending.</summary>
    public void AnswerInDoubt(string id) => _answersInDoubt[id] = 0;

    private void Acknowledge(Action record)
    {
        record();
        Interlocked.Increment(ref _writes);
    }

    /// <summary>What the database holds that the ledger does not expect, or lacks that it does; empty when they agree.</summary>
    public async Task<List<string>> VerifyAsync(InFocusDbContext db)
    {
        var problems = new List<string>();
        var userIds = _users.Keys.ToList();
        var stored = (await db.WatchlistEntries.Where(e => userIds.Contains(e.UserId)).Select(e => new { e.Id, e.UserId, e.MediaItemId, e.Rating }).ToListAsync())
            .GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (userId, ledger) in _users)
        {
            var entries = stored.GetValueOrDefault(userId) ?? [];
            var (expected, inDoubt) = ledger.ExpectedTitles();
            var actual = entries.Select(e => e.MediaItemId).ToList();
            problems.AddRange(expected.Except(actual).Except(inDoubt).Select(t => $"lost: user {userId}'s entry for title {t}"));
            problems.AddRange(actual.Except(expected).Except(inDoubt).Select(t => $"unexpected: user {userId}'s entry for title {t}"));
            problems.AddRange(actual.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"duplicated: user {userId}'s entry for title {g.Key}"));
            foreach (var (entryId, rating) in ledger.Ratings)
            {
                var entry = entries.SingleOrDefault(e => e.Id == entryId);
                if (entry is not null && entry.Rating != rating && !ledger.RatingInDoubt(entryId, entry.Rating))
                {
                    problems.Add($"lost update: entry {entryId} has rating {entry.Rating}, the last acknowledged was {rating}");
                }
            }
        }

        var families = _families.ToList();
        var storedFamilies = await db.Families.CountAsync(f => families.Contains(f.Id));
        if (storedFamilies != families.Count)
        {
            problems.Add($"families: {families.Count} acknowledged, {storedFamilies} stored");
        }

        var invitations = _invitations.ToList();
        var storedInvitations = await db.FamilyInvitations.CountAsync(i => invitations.Contains(i.Id));
        if (storedInvitations != invitations.Count)
        {
            problems.Add($"invitations: {invitations.Count} acknowledged, {storedInvitations} stored");
        }

        var recommendationIds = _recommendations.Keys.ToList();
        var storedRecommendations = await db.Recommendations.Where(r => recommendationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status);
        problems.AddRange(_recommendations
            .Where(r => !storedRecommendations.TryGetValue(r.Key, out var status) || (status != r.Value && !_answersInDoubt.ContainsKey(r.Key)))
            .Select(r => $"recommendation {r.Key}: acknowledged {r.Value}, stored {(storedRecommendations.TryGetValue(r.Key, out var s) ? s : "nothing")}"));
        problems.AddRange(await HalfAppliedAsync(db));
        return problems;
    }

    /// <summary>
    /// Changes made of several rows in one transaction, found with a part missing: a family without an admin (a
    /// family is created with its creator as admin), an accepted recommendation whose title is not on the recipient's
    /// list (accepting adds it; the workload never removes those titles).
    /// </summary>
    private static async Task<IEnumerable<string>> HalfAppliedAsync(InFocusDbContext db)
    {
        var familiesWithoutAdmin = await db.Families
            .Where(f => !db.FamilyMemberships.Any(m => m.FamilyId == f.Id && m.Role == Domain.Families.FamilyRole.Admin))
            .Select(f => f.Id).ToListAsync();
        var acceptedWithoutEntry = await db.Recommendations
            .Where(r => r.Status == RecommendationStatus.Accepted
                && !db.WatchlistEntries.Any(e => e.UserId == r.RecommendedToId && e.MediaItemId == r.MediaItemId))
            .Select(r => r.Id).ToListAsync();
        return familiesWithoutAdmin.Select(f => $"half-applied: family {f} has no admin")
            .Concat(acceptedWithoutEntry.Select(r => $"half-applied: recommendation {r} is accepted but its title is not on the list"));
    }

    /// <summary>One user's acknowledged watchlist writes.</summary>
    public sealed class UserLedger(SoakLedger ledger)
    {
        private readonly ConcurrentDictionary<string, string> _entries = new();
        private readonly ConcurrentDictionary<string, int?> _ratings = new();
        private readonly ConcurrentDictionary<string, byte> _accepted = new();
        private readonly ConcurrentDictionary<string, byte> _inDoubt = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<int>> _ratingsInDoubt = new();

        /// <summary>Last acknowledged rating of each entry the user still has.</summary>
        public IEnumerable<KeyValuePair<string, int?>> Ratings => _ratings;

        public IReadOnlyCollection<string> EntryIds => _entries.Keys.ToList();

        public void Added(string entryId, string mediaItemId) => ledger.Acknowledge(() =>
        {
            _entries[entryId] = mediaItemId;
            _ratings[entryId] = null;
        });

        public void Rated(string entryId, int rating) => ledger.Acknowledge(() => _ratings[entryId] = rating);

        public void Removed(string entryId) => ledger.Acknowledge(() =>
        {
            _entries.TryRemove(entryId, out _);
            _ratings.TryRemove(entryId, out _);
        });

        /// <summary>An accepted recommendation put its title on this user's list (titles of their own kind, see the workload).</summary>
        public void AcceptedTitle(string mediaItemId) => _accepted[mediaItemId] = 0;

        /// <summary>An add or an accept sent without an acknowledgement (no reply, or 503): the title may or may not be listed.</summary>
        public void TitleInDoubt(string mediaItemId) => _inDoubt[mediaItemId] = 0;

        /// <summary>A rating sent without an acknowledgement: the entry may have it instead of the last acknowledged one.</summary>
        public void RatingInDoubt(string entryId, int rating) => _ratingsInDoubt.GetOrAdd(entryId, _ => []).Add(rating);

        /// <summary>A removal sent without an acknowledgement: the entry may be gone.</summary>
        public void RemovalInDoubt(string entryId)
        {
            if (_entries.TryRemove(entryId, out var title))
            {
                _ratings.TryRemove(entryId, out _);
                _inDoubt[title] = 0;
            }
        }

        public bool RatingInDoubt(string entryId, int? stored) =>
            stored is { } rating && _ratingsInDoubt.TryGetValue(entryId, out var ratings) && ratings.Contains(rating);

        /// <summary>The titles the user's list must hold, and those it may or may not hold.</summary>
        public (HashSet<string> Expected, HashSet<string> InDoubt) ExpectedTitles() => ([.. _entries.Values, .. _accepted.Keys], [.. _inDoubt.Keys]);
    }
}
