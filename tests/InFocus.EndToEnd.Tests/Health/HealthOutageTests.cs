using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Health;

/// <summary>InFocus on a PostgreSQL server of its own, which the tests stop and start (the shared one stays up).</summary>
public sealed class OwnPostgresHostFixture : DevHostFixture
{
    public TemporaryPostgresServer Postgres { get; private set; } = null!;

    protected override async Task<string> CreateDatabaseAsync()
    {
        Postgres = await TemporaryPostgresServer.CreateAsync();
        await TestPostgres.MigrateAsync(Postgres.ConnectionString());
        return Postgres.ConnectionString();
    }

    protected override async Task DropDatabaseAsync() => await Postgres.DisposeAsync();
}

public sealed class HealthOutageTests(OwnPostgresHostFixture host) : IClassFixture<OwnPostgresHostFixture>
{
    [Fact]
    public async Task Health_turns_503_naming_the_database_while_PostgreSQL_is_down_and_200_when_it_is_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetHealthAsync()).Status);

        await host.Postgres.StopAsync();
        var down = await GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("""{"status":"unhealthy","checks":{"database":"unhealthy","queue":"healthy"}}""", down.Body);

        await host.Postgres.StartAsync();
        await Eventually.TrueAsync(async () => (await GetHealthAsync()).Status == HttpStatusCode.OK, "health is 200 again");
    }

    private async Task<(HttpStatusCode Status, string Body)> GetHealthAsync()
    {
        using var response = await host.Client.GetAsync("api/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
