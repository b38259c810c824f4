using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Health;

/// <summary>InFocus whose storage account is unreachable: its connection points at a loopback port nothing listens on.</summary>
public sealed class UnreachableStorageHostFixture : DevHostFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AzureWebJobsStorage"] = $"{TestEnvironment.AzuriteAccount};QueueEndpoint=http://127.0.0.1:{LoopbackPort.Free()}/devstoreaccount1;BlobEndpoint={TestEnvironment.BlobEndpoint}";
        return settings;
    }
}

public sealed class HealthQueueOutageTests(UnreachableStorageHostFixture host) : IClassFixture<UnreachableStorageHostFixture>
{
    [Fact]
    public async Task Health_is_503_naming_the_queue_while_storage_does_not_answer()
    {
        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unhealthy","checks":{"database":"healthy","queue":"unhealthy"}}""", await response.Content.ReadAsStringAsync());
    }
}
