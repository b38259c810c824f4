using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;

namespace InFocus.Domain.Tonight;

/// <summary>A title a family chose to watch together, with who was present; the family's history of evenings.</summary>
public sealed class TonightPick : Entity
{
    public required string FamilyId { get; init; }

    public required string MediaItemId { get; init; }

    /// <summary>Who recorded the pick; null once that account is deleted.</summary>
    public string? PickedById { get; init; }

    /// <summary>The members present (user ids), as the pick named them.</summary>
    public List<string> MemberIds { get; init; } = [];

    public DateTimeOffset PickedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Family? Family { get; init; }

    public MediaItem? MediaItem { get; init; }

    public User? PickedBy { get; init; }
}
