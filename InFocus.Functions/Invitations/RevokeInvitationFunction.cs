using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class RevokeInvitationFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    public const string Name = "RevokeInvitation";

    [Function(Name)]
    [Returns(204)]
    [Fails(403, 409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}/invitations/{invitationId}")] HttpRequest request,
        string id,
        string invitationId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await service.RevokeAsync(user, id, invitationId, cancellationToken);
            return ApiResult.NoContent();
        });
}
