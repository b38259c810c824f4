using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ListInvitationsFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    [Function("ListInvitations")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/invitations")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "ListInvitations", async (user, cancellationToken) =>
            ApiResult.Page(await service.ListAsync(user, id, request.QueryEnum<InvitationStatus>("status"), request.PageRequest(), cancellationToken)));
}
