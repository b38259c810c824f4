using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InFocus.TestKit;

/// <summary>
/// Keeps every log entry a host writes — message, state values, scopes and exception — as text, so tests can assert
/// what reaches the logs (for example that no secret ever does). Register it as an <see cref="ILoggerProvider"/>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            provider._scopes.ForEachScope((scope, list) => list.Add($"scope: {Describe(scope)}"), parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            provider._entries.Enqueue(string.Join(" | ", parts));
        }

        private static string? Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))
            : scope?.ToString();
    }
}
