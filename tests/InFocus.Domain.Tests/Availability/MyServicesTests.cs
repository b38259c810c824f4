using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Availability;

/// <summary><c>PUT</c> and <c>GET /api/me/services</c>: a region and the providers one has there.</summary>
public sealed class MyServicesTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    [Fact]
    public async Task Services_are_set_replaced_and_read_back_by_name()
    {
        var user = await UserAsync();

        var first = await ReplaceAsync(user, new MyServicesRequest("us", [8, 387, 8]));
        var second = await ReplaceAsync(user, new MyServicesRequest("GB", [8, 2]));
        var read = await fixture.WithAsync<MyServicesService, MyServicesResponse>(s => s.GetAsync(user, default));

        Assert.Equal("US", first.Region);
        Assert.Equal(["Netflix", "Peacock Premium"], first.Services.Select(s => s.Name));
        Assert.Equal("GB", second.Region);
        Assert.Equal([(2, "Apple TV"), (8, "Netflix")], second.Services.Select(s => (s.Id, s.Name)));
        Assert.Equal(second.Region, read.Region);
        Assert.Equal(second.Services, read.Services);
        Assert.Equal([2, 8], await fixture.DbAsync(db => db.Subscriptions.Where(s => s.UserId == user.UserId).Select(s => s.TmdbProviderId).Order().ToListAsync()));
    }

    [Fact]
    public async Task A_new_user_has_no_region_and_no_services_and_an_empty_list_clears_them()
    {
        var user = await UserAsync();

        var fresh = await fixture.WithAsync<MyServicesService, MyServicesResponse>(s => s.GetAsync(user, default));
        await ReplaceAsync(user, new MyServicesRequest("US", [8]));
        var cleared = await ReplaceAsync(user, new MyServicesRequest("US", []));

        Assert.Equal((null, 0), (fresh.Region, fresh.Services.Count));
        Assert.Equal(("US", 0), (cleared.Region, cleared.Services.Count));
    }

    [Theory]
    [InlineData(null, "providerIds")]
    [InlineData("ZZ", "region")]
    [InlineData("United States", "region")]
    [InlineData("US", "providerIds", 999_999)]
    [InlineData("US", "providerIds", 0)]
    [InlineData("GB", "providerIds", 387)]
    public async Task Unknown_regions_and_providers_are_refused(string? region, string field, params int[] providers)
    {
        var user = await UserAsync();
        await ReplaceAsync(user, new MyServicesRequest("US", [8]));

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            ReplaceAsync(user, new MyServicesRequest(region ?? "US", region is null ? null : providers)));

        Assert.Contains(field, error.Errors.Keys);
        var kept = await fixture.WithAsync<MyServicesService, MyServicesResponse>(s => s.GetAsync(user, default));
        Assert.Equal("US", kept.Region);
        Assert.Equal([8], kept.Services.Select(s => s.Id));
    }

    [Fact]
    public async Task More_than_the_maximum_number_of_services_is_refused()
    {
        var user = await UserAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            ReplaceAsync(user, new MyServicesRequest("US", Enumerable.Range(1, MyServicesService.MaxServices + 1).ToList())));

        Assert.Contains("providerIds", error.Errors.Keys);
    }

    private Task<MyServicesResponse> ReplaceAsync(CurrentUser user, MyServicesRequest request) =>
        fixture.WithAsync<MyServicesService, MyServicesResponse>(s => s.ReplaceAsync(user, request, default));

    private async Task<CurrentUser> UserAsync()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        return user.AsCaller();
    }
}
