using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ListMyInvitationsFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    [Function("ListMyInvitations")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/invitations")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListMyInvitations", async (user, cancellationToken) =>
            ApiResult.Page(await service.ListReceivedAsync(user, request.PageRequest(), cancellationToken)));
}
