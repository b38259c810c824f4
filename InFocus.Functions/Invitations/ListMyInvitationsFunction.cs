using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ListMyInvitationsFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    public const string Name = "ListMyInvitations";

    [Function(Name)]
    [Returns(200, typeof(Page<ReceivedInvitation>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/invitations")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await service.ListReceivedAsync(user, request.PageRequest(), cancellationToken)));
}
