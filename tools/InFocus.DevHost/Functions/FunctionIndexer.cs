using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using InFocus.DevHost.Configuration;
using InFocus.DevHost.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace InFocus.DevHost.Functions;

/// <summary>
/// Turns <c>functions.metadata</c> into invokable functions, checking everything the host would otherwise discover at
/// request time: the entry point exists, the trigger is one the host runs, each parameter and the return type are
/// supported, binding expressions resolve. All problems are reported together, each naming its function.
/// </summary>
public sealed partial class FunctionIndexer
{
    public const string DefaultStorageConnection = "AzureWebJobsStorage";

    private const string Supported = "supported: HttpRequest (HTTP trigger), string route parameters, TimerInfo (timer trigger), string (queue trigger), CancellationToken";

    private readonly IConfiguration _configuration;
    private readonly string _routePrefix;
    private readonly IReadOnlyCollection<Assembly> _assemblies;
    private readonly List<string> _errors = [];

    private FunctionIndexer(IConfiguration configuration, string routePrefix, IReadOnlyCollection<Assembly> assemblies)
    {
        _configuration = configuration;
        _routePrefix = routePrefix;
        _assemblies = assemblies;
    }

    /// <exception cref="DevHostStartupException">Any function cannot be hosted as its metadata describes.</exception>
    public static IReadOnlyList<FunctionDescriptor> Index(
        IReadOnlyList<FunctionMetadata> metadata, IReadOnlyCollection<Assembly> assemblies, IConfiguration configuration, string routePrefix)
    {
        var indexer = new FunctionIndexer(configuration, routePrefix, assemblies);
        var functions = metadata.Select(indexer.IndexFunction).OfType<FunctionDescriptor>().ToList();
        foreach (var duplicate in metadata.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            indexer._errors.Add($"Function '{duplicate.Key}' is listed {duplicate.Count()} times.");
        }

        return indexer._errors.Count == 0 ? functions : throw new DevHostStartupException(indexer._errors);
    }

    private FunctionDescriptor? IndexFunction(FunctionMetadata function)
    {
        var method = ResolveMethod(function);
        var trigger = ResolveTrigger(function);
        if (method is null || trigger is null)
        {
            return null;
        }

        var errorsBefore = _errors.Count;
        var arguments = method.GetParameters().Select(p => BindParameter(function.Name, p, trigger)).ToList();
        CheckTriggerParameter(function.Name, method, trigger);
        CheckReturnType(function.Name, method, trigger);
        return _errors.Count == errorsBefore ? new FunctionDescriptor(function.Name, method, trigger, arguments.OfType<ArgumentBinder>().ToList()) : null;
    }

    private MethodInfo? ResolveMethod(FunctionMetadata function)
    {
        var scriptFile = Path.GetFileName(function.ScriptFile);
        var assembly = _assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name + ".dll", scriptFile, StringComparison.OrdinalIgnoreCase));
        if (assembly is null)
        {
            return Fail<MethodInfo>(function.Name, $"script file '{function.ScriptFile}' is not a function assembly of this host ({string.Join(", ", _assemblies.Select(a => a.GetName().Name + ".dll"))}).");
        }

        var separator = function.EntryPoint.LastIndexOf('.');
        var type = separator > 0 ? assembly.GetType(function.EntryPoint[..separator]) : null;
        try
        {
            var method = type?.GetMethod(function.EntryPoint[(separator + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
            if (method is null)
            {
                return Fail<MethodInfo>(function.Name, $"entry point '{function.EntryPoint}' is not a public method in {scriptFile}.");
            }

            return method.IsStatic || !method.DeclaringType!.IsAbstract
                ? method
                : Fail<MethodInfo>(function.Name, $"entry point '{function.EntryPoint}' is an instance method of an abstract type.");
        }
        catch (AmbiguousMatchException)
        {
            return Fail<MethodInfo>(function.Name, $"entry point '{function.EntryPoint}' names an overloaded method.");
        }
    }

    private FunctionTrigger? ResolveTrigger(FunctionMetadata function)
    {
        var triggers = function.Bindings.Where(b => b.IsTrigger).ToList();
        if (triggers.Count != 1)
        {
            return Fail<FunctionTrigger>(function.Name, $"has {triggers.Count} trigger bindings; a function has exactly one.");
        }

        var trigger = triggers[0];
        foreach (var other in function.Bindings.Where(b => b != trigger && !IsHttpReturn(trigger, b)))
        {
            Error(function.Name, $"binding '{other.Name}' ({other.Type}, {other.Direction}) is not supported by the development host; only triggers and the HTTP return value are.");
        }

        return trigger.Type.ToLowerInvariant() switch
        {
            "httptrigger" => ToHttpTrigger(function, trigger),
            "timertrigger" => ToTimerTrigger(function, trigger),
            "queuetrigger" => ToQueueTrigger(function, trigger),
            _ => Fail<FunctionTrigger>(function.Name, $"trigger type '{trigger.Type}' is not supported by the development host (httpTrigger, timerTrigger, queueTrigger are)."),
        };
    }

    private static bool IsHttpReturn(FunctionBinding trigger, FunctionBinding binding) =>
        trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)
        && binding.Type.Equals("http", StringComparison.OrdinalIgnoreCase)
        && binding.Direction.Equals("Out", StringComparison.OrdinalIgnoreCase);

    private HttpTrigger? ToHttpTrigger(FunctionMetadata function, FunctionBinding binding)
    {
        var route = (binding.Route ?? function.Name).Trim('/');
        var template = _routePrefix.Length == 0 ? route : $"{_routePrefix}/{route}";
        if (template.Split('/')[0].Equals("admin", StringComparison.OrdinalIgnoreCase))
        {
            return Fail<HttpTrigger>(function.Name, $"route '{template}' conflicts with the host's built-in /admin routes.");
        }

        try
        {
            var methods = (binding.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList();
            return new HttpTrigger(binding.Name, RoutePatternFactory.Parse(template), methods);
        }
        catch (RoutePatternException e)
        {
            return Fail<HttpTrigger>(function.Name, $"route '{template}' is not a valid route template: {e.Message}");
        }
    }

    private TimerTrigger? ToTimerTrigger(FunctionMetadata function, FunctionBinding binding)
    {
        if (!TryResolve(function.Name, binding.Schedule ?? "", out var expression))
        {
            return null;
        }

        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return schedule is null
            ? Fail<TimerTrigger>(function.Name, $"schedule '{expression}' is not a six-field NCRONTAB expression (seconds first); the development host runs no other kind.")
            : new TimerTrigger(binding.Name, expression, schedule, binding.RunOnStartup);
    }

    private QueueTrigger? ToQueueTrigger(FunctionMetadata function, FunctionBinding binding)
    {
        if (!TryResolve(function.Name, binding.QueueName ?? "", out var queueName))
        {
            return null;
        }

        if (!QueueNameShape().IsMatch(queueName))
        {
            return Fail<QueueTrigger>(function.Name, $"queue name '{queueName}' is not a valid storage queue name (3-63 lowercase letters, digits and single hyphens).");
        }

        // The host looks a named connection up as is, then with the AzureWebJobs prefix.
        var setting = binding.Connection is { Length: > 0 } name
            ? new[] { name, "AzureWebJobs" + name }.FirstOrDefault(s => !string.IsNullOrEmpty(_configuration[AppSettings.ToConfigurationKey(s)])) ?? name
            : DefaultStorageConnection;
        var connectionString = _configuration[AppSettings.ToConfigurationKey(setting)];
        return string.IsNullOrEmpty(connectionString)
            ? Fail<QueueTrigger>(function.Name, $"storage connection setting '{setting}' has no value; the development host needs a connection string (Azurite: UseDevelopmentStorage=true).")
            : new QueueTrigger(binding.Name, queueName, setting, connectionString);
    }

    private ArgumentBinder? BindParameter(string function, ParameterInfo parameter, FunctionTrigger trigger)
    {
        var type = parameter.ParameterType;
        var isTriggerParameter = string.Equals(parameter.Name, trigger.ParameterName, StringComparison.OrdinalIgnoreCase);
        ArgumentBinder? binder = (trigger, isTriggerParameter) switch
        {
            _ when type == typeof(CancellationToken) => static (_, cancellationToken) => cancellationToken,
            (HttpTrigger, true) when type == typeof(HttpRequest) => static (context, _) => ((HttpContext)context).Request,
            (HttpTrigger http, false) when type == typeof(string) && http.Route.GetParameter(parameter.Name!) is { } routeParameter =>
                RouteValue(routeParameter.Name),
            (TimerTrigger, true) when type == typeof(TimerInfo) => static (timer, _) => (TimerInfo)timer,
            (QueueTrigger, true) when type == typeof(string) => static (message, _) => (string)message,
            _ => null,
        };

        return binder ?? Fail<ArgumentBinder>(function, $"parameter '{parameter.Name}' of type {type.Name} cannot be bound by the development host ({Supported}).");
    }

    private static ArgumentBinder RouteValue(string name) =>
        (context, _) => Convert.ToString(((HttpContext)context).GetRouteValue(name), CultureInfo.InvariantCulture);

    private void CheckTriggerParameter(string function, MethodInfo method, FunctionTrigger trigger)
    {
        if (!method.GetParameters().Any(p => string.Equals(p.Name, trigger.ParameterName, StringComparison.OrdinalIgnoreCase)))
        {
            Error(function, $"the trigger binding '{trigger.ParameterName}' names no parameter of {method.DeclaringType!.Name}.{method.Name}.");
        }
    }

    private void CheckReturnType(string function, MethodInfo method, FunctionTrigger trigger)
    {
        var returnType = method.ReturnType;
        var result = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;
        var supported = trigger is HttpTrigger
            ? typeof(IActionResult).IsAssignableFrom(result)
            : returnType == typeof(void) || returnType == typeof(Task);
        if (!supported)
        {
            var expected = trigger is HttpTrigger ? "IActionResult or Task<IActionResult>" : "void or Task";
            Error(function, $"return type {returnType.Name} is not supported by the development host ({expected}).");
        }
    }

    private bool TryResolve(string function, string expression, out string resolved)
    {
        if (AppSettings.TryResolve(expression, _configuration, out resolved, out var missing))
        {
            return true;
        }

        Error(function, $"'%{missing}%' does not resolve: the app setting '{missing}' has no value.");
        return false;
    }

    private void Error(string function, string error) => _errors.Add($"Function '{function}': {error}");

    private T? Fail<T>(string function, string error)
        where T : class
    {
        Error(function, error);
        return null;
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueNameShape();
}
