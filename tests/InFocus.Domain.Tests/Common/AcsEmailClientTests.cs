using System.Diagnostics;
using Azure.Core;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Common.Email.Acs;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Common;

/// <summary>The ACS Email client against a fake ACS that checks the documented request, headers and signature.</summary>
public sealed class AcsEmailClientTests : IAsyncLifetime
{
    private FakeAcsEmailServer _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcsEmailServer.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    private static OutgoingEmail Email(string key = "invitation:c1:1") =>
        new("guest@example.test", "Ada invited you to Smiths on InFocus", "plain text", "<p>html</p>", key);

    private static ServiceProvider Services(FakeAcsEmailServer acs, string? accessKey, TokenCredential? credential = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        if (credential is not null)
        {
            services.AddSingleton(credential);
        }

        services.AddInFocusEmail(TestSettings.Build(new Dictionary<string, string?>
        {
            ["Email__Provider"] = "AzureCommunicationServices",
            ["Email__Acs__Endpoint"] = acs.Endpoint.ToString(),
            ["Email__Acs__AccessKey"] = accessKey,
        }));
        return services.BuildServiceProvider();
    }

    private async Task SendAsync(OutgoingEmail email, string? accessKey = null)
    {
        await using var services = Services(_acs, accessKey ?? _acs.AccessKey);
        await services.GetRequiredService<IEmailSender>().SendAsync(email, default);
    }

    [Fact]
    public async Task Sends_the_documented_signed_request_and_polls_until_the_operation_succeeds()
    {
        _acs.RunningPolls = 2;

        await SendAsync(Email());

        var sent = Assert.Single(_acs.Sent);
        Assert.Equal(
            (AcsEmailClient.OperationIdFor("invitation:c1:1").ToString(), "no-reply@infocus.local", "guest@example.test"),
            (sent.OperationId, sent.SenderAddress, sent.To));
        Assert.Equal(("Ada invited you to Smiths on InFocus", "plain text", "<p>html</p>"), (sent.Subject, sent.PlainText, sent.Html));
        Assert.Equal(
            ["POST /emails:send 202", $"GET /emails/operations/{sent.OperationId} 200", $"GET /emails/operations/{sent.OperationId} 200", $"GET /emails/operations/{sent.OperationId} 200"],
            _acs.Requests);
    }

    [Fact]
    public async Task The_same_idempotency_key_is_the_same_operation_so_a_retry_sends_once()
    {
        await SendAsync(Email());
        await SendAsync(Email());
        await SendAsync(Email("invitation:c1:2"));

        Assert.Equal(2, _acs.Sent.Count);
        Assert.NotEqual(AcsEmailClient.OperationIdFor("invitation:c1:1"), AcsEmailClient.OperationIdFor("invitation:c1:2"));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        _acs.ThrottleNextSends(2);
        _acs.ThrottleRetryAfterSeconds = 1;
        var clock = Stopwatch.StartNew();

        await SendAsync(Email());

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"Retried after {clock.Elapsed}");
        Assert.Single(_acs.Sent);
        Assert.Equal(2, _acs.Requests.Count(r => r == "POST /emails:send 429"));
    }

    [Fact]
    public async Task Throttling_that_does_not_stop_fails_the_send_for_a_later_retry()
    {
        _acs.ThrottleNextSends(10);
        _acs.ThrottleRetryAfterSeconds = 0;

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(Email()));

        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Empty(_acs.Sent);
    }

    [Fact]
    public async Task A_500_after_the_email_was_taken_fails_the_send_and_its_retry_sends_nothing_twice()
    {
        _acs.FailAfterAcceptingNextSends(1);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(Email()));
        await SendAsync(Email());

        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Single(_acs.Sent);
    }

    [Fact]
    public async Task A_failed_operation_is_a_delivery_failure_naming_the_error()
    {
        _acs.FailOperationsWithCode = "EmailDropped";

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(Email()));

        Assert.Contains("Failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("EmailDropped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_access_key_is_refused_by_the_signature_check()
    {
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(Email(), Convert.ToBase64String(new byte[32])));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Empty(_acs.Sent);
    }

    [Fact]
    public async Task Without_an_access_key_the_managed_identity_token_is_sent_as_a_bearer_token()
    {
        await using var acs = await FakeAcsEmailServer.StartAsync(bearerToken: "entra-token");
        await using var services = Services(acs, accessKey: "", new StaticTokenCredential("entra-token"));

        await services.GetRequiredService<IEmailSender>().SendAsync(Email(), default);

        Assert.Single(acs.Sent);
    }

    private sealed class StaticTokenCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes.SequenceEqual(["https://communication.azure.com/.default"])
                ? new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException("Unexpected scope.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
