using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class RemoveFamilyMemberFunction(AuthenticatedEndpoint endpoint, FamilyMembersService service)
{
    public const string Name = "RemoveFamilyMember";

    [Function(Name)]
    [Returns(204)]
    [Fails(403, 409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}/members/{userId}")] HttpRequest request,
        string id,
        string userId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await service.RemoveAsync(user, id, userId, cancellationToken);
            return ApiResult.NoContent();
        });
}
