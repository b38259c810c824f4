using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ListInvitationsFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    public const string Name = "ListInvitations";

    [Function(Name)]
    [Query("status", Enum = typeof(InvitationStatus))]
    [Returns(200, typeof(Page<InvitationResponse>))]
    [Fails(403)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/invitations")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await service.ListAsync(user, id, request.QueryEnum<InvitationStatus>("status"), request.PageRequest(), cancellationToken)));
}
