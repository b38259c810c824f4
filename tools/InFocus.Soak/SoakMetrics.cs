using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace InFocus.Soak;

/// <summary>Every request's operation, status and latency; summarized as counts and percentiles.</summary>
public sealed class SoakMetrics
{
    private readonly ConcurrentQueue<(string Operation, int Status, double Milliseconds)> _samples = new();

    public void Record(string operation, int status, double milliseconds) => _samples.Enqueue((operation, status, milliseconds));

    public int Requests => _samples.Count;

    /// <summary>Answers 500 and above, except the 503s of a database outage the run injected on purpose.</summary>
    public int ServerErrors(bool outageInjected) =>
        _samples.Count(s => s.Status >= 500 && !(outageInjected && s.Status == 503));

    public int Count(int status) => _samples.Count(s => s.Status == status);

    public string Summary(TimeSpan duration)
    {
        var text = new StringBuilder();
        var all = _samples.ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"{all.Count} requests in {duration.TotalSeconds:0.0} s ({all.Count / duration.TotalSeconds:0} per second)");
        text.AppendLine(Line("all", all.Select(s => s.Milliseconds).ToList()));
        foreach (var operation in all.GroupBy(s => s.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Line(operation.Key, operation.Select(s => s.Milliseconds).ToList()) + "  " +
                string.Join(" ", operation.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        }

        return text.ToString();
    }

    private static string Line(string name, List<double> latencies)
    {
        latencies.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {name,-22} n={latencies.Count,6}  p50={Percentile(latencies, 0.50),7:0.0} ms  p95={Percentile(latencies, 0.95),7:0.0} ms  p99={Percentile(latencies, 0.99),7:0.0} ms  max={latencies.LastOrDefault(),7:0.0} ms");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
