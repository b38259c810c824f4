using InFocus.DevHost.Functions;
using InFocus.EndToEnd.Tests.Host.Probes;
using InFocus.TestKit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>
/// An invocation cancelled because the host is stopping is expected: logged as a warning without a stack trace, where
/// a failure is an error with its stack trace.
/// </summary>
[Collection(ProbeHostCollection.Name)]
public sealed class FunctionCancellationTests(ProbeHostFixture host)
{
    [Fact]
    public async Task A_cancelled_invocation_logs_a_warning_without_a_stack_trace()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var invoker = new FunctionInvoker(loggers);
        var timer = host.Services.GetRequiredService<FunctionCatalog>().Find("ProbeTimer")!;
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            invoker.InvokeInNewScopeAsync(timer, host.Services.GetRequiredService<IServiceScopeFactory>(), new TimerInfo(), "test", stopping.Token));

        var executed = Assert.Single(logs.Entries, e => e.Contains("Executed 'Functions.ProbeTimer'", StringComparison.Ordinal));
        Assert.Contains("(Cancelled", executed, StringComparison.Ordinal);
        Assert.Contains("Warning", executed, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", executed, StringComparison.Ordinal);
    }
}
