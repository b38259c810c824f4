using System.Collections.Concurrent;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// The host for the Accounts tests: logs at every level captured (SQL command logs included) and every response body
/// any of its clients received recorded, so <see cref="SecretsTests"/> can prove no secret leaks.
/// </summary>
public sealed class AccountsHostFixture : DevHostFixture
{
    public CapturingLoggerProvider Logs { get; } = new();

    public ConcurrentQueue<RecordedResponse> Responses { get; } = new();

    protected override HttpMessageHandler Handler() => new RecordingHandler(Responses) { InnerHandler = base.Handler() };

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AzureFunctionsJobHost__logging__logLevel__default"] = "Trace";
        settings["AzureFunctionsJobHost__logging__logLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    private sealed class RecordingHandler(ConcurrentQueue<RecordedResponse> responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            responses.Enqueue(new RecordedResponse($"{request.Method} {request.RequestUri?.AbsolutePath}", (int)response.StatusCode, body));
            return response;
        }
    }
}

public sealed record RecordedResponse(string Request, int Status, string Body);

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsHostFixture>
{
    public const string Name = "Accounts over HTTP";
}
