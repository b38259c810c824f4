using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

/// <summary>202: the invitation exists; its email goes out asynchronously (see <c>emailStatus</c>).</summary>
public sealed class CreateInvitationFunction(AuthenticatedEndpoint endpoint, FamilyInvitationsService service)
{
    public const string Name = "CreateInvitation";

    [Function(Name)]
    [JsonBody(typeof(CreateInvitationRequest))]
    [Returns(202, typeof(InvitationResponse))]
    [Fails(403, 409, 429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "families/{id}/invitations")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Accepted(await service.CreateAsync(user, id, await request.ReadJsonAsync<CreateInvitationRequest>(cancellationToken), cancellationToken)));
}
