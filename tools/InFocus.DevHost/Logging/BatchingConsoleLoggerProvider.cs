using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InFocus.DevHost.Logging;

/// <summary>
/// The host's console log: each entry is formatted by <see cref="ScopedConsoleFormatter"/> on the logging thread and
/// queued without a lock; one writer drains whatever is queued and writes it to the output at once. The framework's
/// console logger takes a lock and wakes its writer for every entry, and its writer writes and flushes each entry on
/// its own: with one request log line per request, that was about a tenth of the host's CPU on a light read
/// (docs/performance.md). At most <see cref="MaxQueued"/> entries wait; beyond that a logging thread waits for the
/// writer, as the framework's logger does. Disposing writes everything queued before it returns.
/// </summary>
public sealed class BatchingConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public const int MaxQueued = 10_000;

    /// <summary>A batch is written once it holds this many characters, or when nothing more is queued.</summary>
    private const int BatchCharacters = 32 * 1024;

    [ThreadStatic]
    private static StringWriter? _entryWriter;

    private readonly ScopedConsoleFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    /// <summary>One writer of the output at a time: the batch writer, or a line logged after disposal.</summary>
    private readonly Lock _outputWrites = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _queued;

    /// <param name="output">Where lines go; the host passes standard output.</param>
    public BatchingConsoleLoggerProvider(IOptionsMonitor<ConsoleFormatterOptions> options, TextWriter output)
    {
        _formatter = new ScopedConsoleFormatter(options);
        _output = output;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public ILogger CreateLogger(string categoryName) => new BatchingConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        var writer = _entryWriter ??= new StringWriter(CultureInfo.InvariantCulture);
        var text = writer.GetStringBuilder();
        _formatter.Write(in entry, _scopes, writer);
        if (text.Length == 0)
        {
            return;
        }

        var line = text.ToString();
        text.Clear();
        while (Volatile.Read(ref _queued) >= MaxQueued && !_writer.IsCompleted)
        {
            Thread.Sleep(1);
        }

        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(line))
        {
            // Disposed: nothing drains the queue any more, so the line is written here.
            Interlocked.Decrement(ref _queued);
            lock (_outputWrites)
            {
                _output.Write(line);
                _output.Flush();
            }
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new StringBuilder(BatchCharacters);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Length < BatchCharacters && _queue.Reader.TryRead(out var line))
            {
                batch.Append(line);
                Interlocked.Decrement(ref _queued);
            }

            try
            {
                lock (_outputWrites)
                {
                    _output.Write(batch);
                    _output.Flush();
                }
            }
            catch (IOException)
            {
                // The output is gone (a closed pipe): there is nowhere left to write the log to.
            }

            batch.Clear();
        }
    }

    private sealed class BatchingConsoleLogger(string category, BatchingConsoleLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
            }
        }
    }
}
