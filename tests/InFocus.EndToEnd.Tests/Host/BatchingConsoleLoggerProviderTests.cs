using InFocus.DevHost.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>
/// The host's console log: every entry is written whole, in the order each thread logged it, with its scopes, and none
/// is lost, whether logged concurrently, beyond the queue's bound, or after the provider was disposed.
/// </summary>
public sealed class BatchingConsoleLoggerProviderTests
{
    private static readonly IOptionsMonitor<ConsoleFormatterOptions> Options =
        new OptionsMonitor<ConsoleFormatterOptions>(
            new OptionsFactory<ConsoleFormatterOptions>([new ConfigureOptions<ConsoleFormatterOptions>(o => o.IncludeScopes = true)], []),
            [],
            new OptionsCache<ConsoleFormatterOptions>());

    [Fact]
    public void An_entry_is_written_as_the_formatter_lays_it_out_with_its_scopes()
    {
        var output = new StringWriter();
        using (var provider = new BatchingConsoleLoggerProvider(Options, output))
        {
            var scopes = new LoggerExternalScopeProvider();
            provider.SetScopeProvider(scopes);
            var logger = provider.CreateLogger("Category");
            using (logger.BeginScope(new Dictionary<string, object> { ["Function"] = "GetMe" }))
            {
                logger.LogWarning("GetMe answered {Status}", 404);
            }
        }

        Assert.Equal($"warn: Category => Function=GetMe{Environment.NewLine}      GetMe answered 404{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void Entries_logged_at_once_by_many_threads_are_all_written_whole_and_in_each_threads_order()
    {
        const int threads = 8;
        const int perThread = 3 * BatchingConsoleLoggerProvider.MaxQueued / threads;
        var output = new StringWriter();
        using (var provider = new BatchingConsoleLoggerProvider(Options, output))
        {
            var logger = provider.CreateLogger("Load");
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    logger.LogInformation("thread {Thread} entry {Entry}", t, i);
                }
            });
        }

        var messages = output.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("      thread ", StringComparison.Ordinal)).ToList();
        Assert.Equal(threads * perThread, messages.Count);
        for (var t = 0; t < threads; t++)
        {
            var own = messages.Where(m => m.StartsWith($"      thread {t} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, perThread).Select(i => $"      thread {t} entry {i}"), own);
        }
    }

    [Fact]
    public void An_entry_logged_after_the_provider_was_disposed_is_still_written()
    {
        var output = new StringWriter();
        var provider = new BatchingConsoleLoggerProvider(Options, output);
        var logger = provider.CreateLogger("Late");
        logger.LogInformation("before");
        provider.Dispose();

        logger.LogInformation("after");

        Assert.Equal(
            $"info: Late{Environment.NewLine}      before{Environment.NewLine}info: Late{Environment.NewLine}      after{Environment.NewLine}",
            output.ToString());
    }

    [Fact]
    public void Nothing_is_written_for_a_disabled_level_or_an_empty_message()
    {
        var output = new StringWriter();
        using (var provider = new BatchingConsoleLoggerProvider(Options, output))
        {
            var logger = provider.CreateLogger("Quiet");
            logger.Log(LogLevel.None, "not at all");
            logger.LogInformation(string.Empty);
        }

        Assert.Equal(string.Empty, output.ToString());
    }
}
