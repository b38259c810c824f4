using Microsoft.AspNetCore.Routing.Patterns;
using NCrontab;

namespace InFocus.DevHost.Functions;

/// <summary>What starts a function, with every binding expression already resolved.</summary>
public abstract record FunctionTrigger(string ParameterName)
{
    public abstract string Describe();
}

/// <summary>An HTTP trigger: the full route (route prefix included) and the allowed methods (none means any).</summary>
public sealed record HttpTrigger(string ParameterName, RoutePattern Route, IReadOnlyList<string> Methods) : FunctionTrigger(ParameterName)
{
    /// <summary>The route as written, for logs: the template never carries the values (tokens travel in paths).</summary>
    public string Template => "/" + Route.RawText;

    public override string Describe() => $"[{(Methods.Count == 0 ? "*" : string.Join(",", Methods))}] {Template}";
}

/// <summary>A timer trigger on a six-field NCRONTAB schedule (seconds first), evaluated in UTC.</summary>
public sealed record TimerTrigger(string ParameterName, string Expression, CrontabSchedule Schedule, bool RunOnStartup)
    : FunctionTrigger(ParameterName)
{
    public override string Describe() => $"timer '{Expression}' (UTC){(RunOnStartup ? ", runs on startup" : "")}";
}

/// <summary>A storage queue trigger: the queue and the app setting that holds the storage connection string.</summary>
public sealed record QueueTrigger(string ParameterName, string QueueName, string ConnectionSetting, string ConnectionString)
    : FunctionTrigger(ParameterName)
{
    public string PoisonQueueName => QueueName + "-poison";

    public override string Describe() => $"queue '{QueueName}'";
}
