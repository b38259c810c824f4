using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class UpdateFamilyMemberFunction(AuthenticatedEndpoint endpoint, FamilyMembersService service)
{
    public const string Name = "UpdateFamilyMember";

    [Function(Name)]
    [JsonBody(typeof(MemberRoleRequest))]
    [Returns(200, typeof(FamilyMember))]
    [Fails(403, 409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "families/{id}/members/{userId}")] HttpRequest request, string id, string userId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await service.ChangeRoleAsync(user, id, userId, await request.ReadJsonAsync<MemberRoleRequest>(cancellationToken), cancellationToken)));
}
