using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Notifications;
using InFocus.Domain.Tests.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Notifications;

/// <summary>Joining through an invitation and leaving notify the other members (and the inviter), in the same transaction.</summary>
public sealed class FamilyNotificationTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Accepting_an_invitation_notifies_the_members_and_the_inviter_and_leaving_notifies_those_who_stay()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var carolEmail = $"carol.{Guid.NewGuid():N}@example.test";
        var carol = await fixture.UserAsync("Carol", carolEmail);
        var token = SecureToken.Generate();
        await fixture.DbAsync(async db =>
        {
            db.FamilyInvitations.Add(new FamilyInvitation
            {
                FamilyId = familyId,
                Email = carolEmail,
                InvitedById = ada.UserId,
                ExpiresAt = fixture.Clock.GetUtcNow().AddDays(7),
                TokenHash = SecureToken.Hash(token),
            });
            await db.SaveChangesAsync();
        });

        await fixture.WithAsync<InvitationResponder, InvitationAcceptance>(r => r.AcceptAsync(carol.UserId, token, default));
        await fixture.WithAsync<FamilyMembersService>(s => s.RemoveAsync(bob, familyId, bob.UserId, default));

        var notes = await fixture.DbAsync(db => db.Notifications.Where(n => n.FamilyId == familyId)
            .Select(n => new { n.UserId, n.Type, n.ActorId }).ToListAsync());
        Assert.Equal(
            [
                (ada.UserId, NotificationType.InvitationAccepted, carol.UserId),
                (ada.UserId, NotificationType.MemberJoined, carol.UserId),
                (ada.UserId, NotificationType.MemberLeft, bob.UserId),
                (bob.UserId, NotificationType.MemberJoined, carol.UserId),
                (carol.UserId, NotificationType.MemberLeft, bob.UserId),
            ],
            notes.Select(n => (n.UserId, n.Type, n.ActorId!)).Order());
    }
}
