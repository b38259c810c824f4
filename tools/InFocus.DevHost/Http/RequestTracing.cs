using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace InFocus.DevHost.Http;

/// <summary>
/// Keeps a W3C trace (an <see cref="Activity"/>, continuing an incoming <c>traceparent</c>) around every request, as
/// under the Functions host, so functions log and report the same trace ids. ASP.NET Core would start one for its own
/// request logging, which this host turns off because that logging carries request paths. Only the trace's ids are
/// kept (<see cref="ActivitySamplingResult.PropagationData"/>): nothing here reads the request's tags, and ASP.NET Core
/// would otherwise fill them in on every request.
/// </summary>
public sealed class RequestTracing : IHostedService, IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();
}
