using System.Net;
using InFocus.DevHost;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.AspNetCore.Builder;

namespace InFocus.EndToEnd.Tests.Faults;

/// <summary>
/// Two instances of the app on one database and one invitation queue, as Azure scales out: both poll the queue. The
/// second is built from the same settings as the first (<see cref="DevHostFixture.Client"/> talks to the first).
/// </summary>
public sealed class TwoHostsOneQueueFixture : DevHostFixture
{
    private WebApplication? _second;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = DevHostApplication.Build(HostOptions());
        await _second.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.StopAsync();
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>
/// Fault scenario "two hosts polling one queue": each invitation's email is sent once. Observed only through HTTP and
/// smtp4dev, so it holds whatever the delivery's internals are.
/// </summary>
public sealed class TwoHostsOneQueueTests(TwoHostsOneQueueFixture host) : IClassFixture<TwoHostsOneQueueFixture>
{
    private const int Invitations = 8;

    [Fact]
    public async Task Invitations_created_at_once_with_two_hosts_polling_the_queue_are_each_emailed_once()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var recipients = Enumerable.Range(0, Invitations).Select(i => $"two-hosts-{i}-{Guid.NewGuid():N}@example.com").ToArray();

        var created = await Concurrently.SendAsync(Invitations, i => admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email = recipients[i] }));

        created.AssertCounts((HttpStatusCode.Accepted, Invitations));
        using var mail = new Smtp4devClient();
        foreach (var recipient in recipients)
        {
            await mail.WaitForMessagesAsync(recipient, 1);
        }

        // Give a second delivery every chance to happen: both hosts poll an empty queue several times meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var recipient in recipients)
        {
            Assert.Single(await mail.MessagesToAsync(recipient));
        }
    }
}
