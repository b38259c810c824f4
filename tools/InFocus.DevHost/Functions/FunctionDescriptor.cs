using System.Reflection;

namespace InFocus.DevHost.Functions;

/// <summary>
/// A function ready to invoke: its method, its trigger and how each parameter gets its value. Built once at start-up
/// by <see cref="FunctionIndexer"/>.
/// </summary>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, FunctionTrigger Trigger, IReadOnlyList<ArgumentBinder> Arguments)
{
    /// <summary>The <c>Result</c> of a <c>Task&lt;T&gt;</c> return type; null for <c>void</c>, <c>Task</c> or a plain value.</summary>
    public PropertyInfo? TaskResult { get; } =
        Method.ReturnType.IsGenericType && Method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? Method.ReturnType.GetProperty(nameof(Task<object>.Result))
            : null;

    public bool IsHttp => Trigger is HttpTrigger;
}

/// <summary>Supplies one argument from the trigger's value (an <c>HttpContext</c>, a queue message or a <c>TimerInfo</c>).</summary>
public delegate object? ArgumentBinder(object triggerValue, CancellationToken cancellationToken);
