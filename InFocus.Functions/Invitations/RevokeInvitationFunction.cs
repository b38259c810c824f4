using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class RevokeInvitationFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    [Function("RevokeInvitation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}/invitations/{invitationId}")] HttpRequest request,
        string id,
        string invitationId) =>
        endpoint.RunAsync(request, "RevokeInvitation", async (user, cancellationToken) =>
        {
            await service.RevokeAsync(user, id, invitationId, cancellationToken);
            return ApiResult.NoContent();
        });
}
