using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Families;

/// <summary>One title of a family's shared watchlist: how many members have it and what each of them made of it.</summary>
public sealed record FamilyWatchlistItem(MediaSummary Media, int MemberCount, IReadOnlyList<FamilyWatchlistEntry> Members);

/// <summary>A member's entry for a title of the shared watchlist (notes stay private).</summary>
public sealed record FamilyWatchlistEntry(string UserId, string Name, WatchStatus Status, int? Rating);
