using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ResendInvitationFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    public const string Name = "ResendInvitation";

    [Function(Name)]
    [Returns(202, typeof(InvitationResponse))]
    [Fails(403, 409, 429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "families/{id}/invitations/{invitationId}/resend")] HttpRequest request,
        string id,
        string invitationId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Accepted(await service.ResendAsync(user, id, invitationId, cancellationToken)));
}
