using InFocus.Domain.Accounts;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Recommendations;

/// <summary>
/// A family of three (sender, recipient and a bystander who takes no part in the recommendation), a stranger who
/// shares no family with them, and a title.
/// </summary>
internal sealed record RecommendationWorld(User Sender, User Recipient, User Bystander, User Stranger, MediaItem Media)
{
    public IEnumerable<User> Everyone => [Sender, Recipient, Bystander, Stranger];

    public static async Task<RecommendationWorld> CreateAsync(DomainFixture fixture)
    {
        var (sender, recipient, bystander, stranger) = (Entities.User(name: "Sam Sender"), Entities.User(name: "Rita Recipient"), Entities.User(), Entities.User());
        var family = Entities.Family(sender);
        var strangersFamily = Entities.Family(stranger, "Another family");
        var media = Entities.MediaItem("Paddington 2");
        await fixture.SaveAsync(
            sender, recipient, bystander, stranger, family, strangersFamily, media,
            Entities.Membership(family, sender, FamilyRole.Admin),
            Entities.Membership(family, recipient),
            Entities.Membership(family, bystander),
            Entities.Membership(strangersFamily, stranger, FamilyRole.Admin));
        return new RecommendationWorld(sender, recipient, bystander, stranger, media);
    }

    public RecommendRequest Recommend(string? message = null) => new(Media.Id, null, null, Recipient.Id, message);
}
