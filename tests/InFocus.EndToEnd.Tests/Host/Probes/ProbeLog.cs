using System.Collections.Concurrent;

namespace InFocus.EndToEnd.Tests.Host.Probes;

/// <summary>What the probe functions were called with, in order, and how many calls of each ran at once.</summary>
public sealed class ProbeLog
{
    private readonly ConcurrentQueue<ProbeCall> _calls = new();
    private readonly ConcurrentDictionary<string, Concurrency> _concurrency = new();

    public IReadOnlyList<ProbeCall> CallsOf(string function, string? input = null) =>
        _calls.Where(c => c.Function == function && (input is null || c.Input == input)).ToList();

    /// <summary>The largest number of calls of <paramref name="function"/> that ran at the same time.</summary>
    public int MostAtOnce(string function) => _concurrency.TryGetValue(function, out var concurrency) ? concurrency.Most : 0;

    /// <summary>Records a call, counted as running until the returned scope is disposed.</summary>
    public IDisposable Record(string function, string? input)
    {
        _calls.Enqueue(new ProbeCall(function, input));
        return _concurrency.GetOrAdd(function, _ => new Concurrency()).Enter();
    }

    private sealed class Concurrency
    {
        private readonly Lock _lock = new();
        private int _running;

        public int Most { get; private set; }

        public IDisposable Enter()
        {
            lock (_lock)
            {
                Most = Math.Max(Most, ++_running);
            }

            return new Exit(this);
        }

        private sealed class Exit(Concurrency concurrency) : IDisposable
        {
            public void Dispose()
            {
                lock (concurrency._lock)
                {
                    concurrency._running--;
                }
            }
        }
    }
}

public sealed record ProbeCall(string Function, string? Input);
