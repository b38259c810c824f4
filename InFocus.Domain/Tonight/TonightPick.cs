using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;

namespace InFocus.Domain.Tonight;

/// <summary>
/// A title a family chose to watch together, with who was present; the family's history of evenings. A member present
/// confirms the pick by recording a viewing of the title (their own or the family's viewings endpoint) dated within
/// <see cref="ConfirmationWindow"/> of the pick: they join <see cref="ConfirmedIds"/>, and their watchlist entry follows
/// the viewing (created when the family's endpoint records it; a show moves to <c>watching</c>).
/// </summary>
public sealed class TonightPick : Entity
{
    /// <summary>How far from the pick (either side) a viewing's time may be to confirm it: the evening, recorded late.</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromHours(24);

    public required string FamilyId { get; init; }

    public required string MediaItemId { get; init; }

    /// <summary>Who recorded the pick; null once that account is deleted.</summary>
    public string? PickedById { get; init; }

    /// <summary>The members present (user ids), as the pick named them.</summary>
    public List<string> MemberIds { get; init; } = [];

    /// <summary>The members present who confirmed by recording a viewing (user ids, a subset of <see cref="MemberIds"/>).</summary>
    public List<string> ConfirmedIds { get; init; } = [];

    public DateTimeOffset PickedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Family? Family { get; init; }

    public MediaItem? MediaItem { get; init; }

    public User? PickedBy { get; init; }
}
