namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>A benchmark, not a test: skipped unless its script sets <paramref name="variable"/> (scripts/*-benchmark.sh).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute(string variable)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"A benchmark: scripts/*-benchmark.sh runs it, setting {variable}.";
        }
    }
}
