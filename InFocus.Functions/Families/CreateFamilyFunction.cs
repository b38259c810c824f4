using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class CreateFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    public const string Name = "CreateFamily";

    [Function(Name)]
    [JsonBody(typeof(FamilyRequest))]
    [Returns(201, typeof(FamilySummary), Location = true)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "families")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var family = await service.CreateAsync(user, await request.ReadJsonAsync<FamilyRequest>(cancellationToken), cancellationToken);
            return ApiResult.Created(family, $"/api/families/{family.Id}");
        });
}
