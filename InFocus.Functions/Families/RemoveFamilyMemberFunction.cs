using InFocus.Domain.Families;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class RemoveFamilyMemberFunction(AuthenticatedEndpoint endpoint, FamilyMembersService service)
{
    [Function("RemoveFamilyMember")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}/members/{userId}")] HttpRequest request,
        string id,
        string userId) =>
        endpoint.RunAsync(request, "RemoveFamilyMember", async (user, cancellationToken) =>
        {
            await service.RemoveAsync(user, id, userId, cancellationToken);
            return ApiResult.NoContent();
        });
}
