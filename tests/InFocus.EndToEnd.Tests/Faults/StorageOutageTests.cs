using System.Globalization;
using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions.Emails;
using InFocus.Functions.Imports;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Faults;

/// <summary>InFocus whose storage queues (Azurite) are reached through a <see cref="TcpRelay"/> a test can break and mend.</summary>
public sealed class BreakableStorageHostFixture : DevHostFixture
{
    public TcpRelay Queues { get; } = new(TestEnvironment.QueueEndpoint.Host, TestEnvironment.QueueEndpoint.Port);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Queues.DisposeAsync();
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        var port = Queues.Port.ToString(CultureInfo.InvariantCulture);
        // Blobs (import files) go straight to Azurite; only the queues are behind the relay.
        settings["AzureWebJobsStorage"] = $"{TestEnvironment.AzuriteAccount};QueueEndpoint=http://127.0.0.1:{port}{TestEnvironment.QueueEndpoint.AbsolutePath};"
            + $"BlobEndpoint={TestEnvironment.BlobEndpoint}";
        return settings;
    }
}

/// <summary>
/// Fault scenario "Azurite stopped while invitations are created": the invitations are created (their outbox rows
/// commit), and once storage is back the outbox sweep enqueues each email, which is sent exactly once. The same for an
/// import uploaded while the queue is down: stored, and processed once the import sweep sends its message.
/// </summary>
public sealed class StorageOutageTests(BreakableStorageHostFixture host) : IClassFixture<BreakableStorageHostFixture>
{
    private const int Invitations = 3;

    [Fact]
    public async Task Invitations_created_while_storage_is_down_are_each_emailed_once_after_it_returns()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var recipients = Enumerable.Range(0, Invitations).Select(i => $"storage-outage-{i}-{Guid.NewGuid():N}@example.com").ToArray();

        host.Queues.Broken = true;
        var created = await Concurrently.SendAsync(Invitations, i => admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email = recipients[i] }));
        created.AssertCounts((HttpStatusCode.Accepted, Invitations));
        Assert.Equal(Invitations, await StrandedAsync(familyId));

        host.Queues.Broken = false;
        // The sweep leaves rows younger than its grace to the requests still enqueueing them: let that time pass (with
        // the timestamp trigger, which would make updated_at now, off for this one statement).
        await host.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            SET session_replication_role = replica;
            UPDATE family_invitations SET updated_at = updated_at - interval '1 hour' WHERE family_id = {familyId};
            RESET session_replication_role;
            """));
        Assert.True((await host.RunFunctionAsync(RequeueEmailsFunction.Name)).IsSuccess);
        Assert.Equal(0, await StrandedAsync(familyId));

        using var mail = new Smtp4devClient();
        foreach (var recipient in recipients)
        {
            await mail.WaitForMessagesAsync(recipient, 1);
        }

        // A second sweep finds nothing stranded; give any second delivery every chance to happen.
        Assert.True((await host.RunFunctionAsync(RequeueEmailsFunction.Name)).IsSuccess);
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var recipient in recipients)
        {
            Assert.Single(await mail.MessagesToAsync(recipient));
        }
    }

    [Fact]
    public async Task An_import_uploaded_while_the_queue_is_down_is_processed_after_the_sweep_sends_its_message()
    {
        using var user = await host.SignUpAsync();
        var title = await host.SeedTitleAsync();
        var watchlist = $$"""[{"tmdbId":{{title.TmdbId}},"type":"movie","title":"{{title.Title}}","status":"completed","rating":8}]""";
        using var content = new StringContent(watchlist, System.Text.Encoding.UTF8, "application/json");

        host.Queues.Broken = true;
        using var uploaded = await user.Client.PostAsync("api/imports?source=infocus&file=watchlist.json", content);
        var created = await uploaded.ReadAsync<Domain.Imports.ImportCreatedResponse>();
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        Assert.Equal(Domain.Imports.ImportStatus.Queued, await ImportStatusAsync(created.Id));

        host.Queues.Broken = false;
        await host.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            SET session_replication_role = replica;
            UPDATE imports SET updated_at = updated_at - interval '1 hour' WHERE id = {created.Id};
            RESET session_replication_role;
            """));
        Assert.True((await host.RunFunctionAsync(RequeueImportsFunction.Name)).IsSuccess);

        await Eventually.TrueAsync(async () => await ImportStatusAsync(created.Id) == Domain.Imports.ImportStatus.Completed, "the import completed");
        Assert.Equal(8, await host.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id && e.MediaItemId == title.Id).Select(e => e.Rating).SingleAsync()));
    }

    private Task<Domain.Imports.ImportStatus> ImportStatusAsync(string id) =>
        host.DbAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    private Task<int> StrandedAsync(string familyId) =>
        host.DbAsync(db => db.FamilyInvitations.CountAsync(i => i.FamilyId == familyId && i.EmailEnqueuedAt == null));
}
