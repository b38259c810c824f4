using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Health;

/// <summary>InFocus whose storage account is unreachable: its connection points at a loopback port nothing listens on.</summary>
public sealed class UnreachableStorageHostFixture : DevHostFixture
{
    // Azurite's well-known development account, published in its documentation; only the endpoint is wrong here.
    private const string DevelopmentAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AzureWebJobsStorage"] = $"{DevelopmentAccount};QueueEndpoint=http://127.0.0.1:{LoopbackPort.Free()}/devstoreaccount1";
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
