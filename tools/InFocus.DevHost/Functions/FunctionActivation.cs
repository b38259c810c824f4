using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.DevHost.Functions;

/// <summary>
/// Checks at start-up that every function class can be created from the container (some public constructor whose
/// parameters are all registered services), so a missing registration fails the start, not the first request.
/// </summary>
public static class FunctionActivation
{
    /// <exception cref="DevHostStartupException">A function class cannot be created.</exception>
    public static void Validate(IServiceProvider services, FunctionCatalog catalog)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var errors = catalog.Functions
            .Where(f => !f.Method.IsStatic)
            .Select(f => (f.Name, Type: f.Method.DeclaringType!))
            .Where(f => !f.Type.GetConstructors().Any(c => c.GetParameters().All(p => p.HasDefaultValue || isService.IsService(p.ParameterType))))
            .Select(f => $"Function '{f.Name}': {f.Type.Name} cannot be created from the container: {MissingServices(f.Type, isService)}.")
            .ToList();
        if (errors.Count > 0)
        {
            throw new DevHostStartupException(errors);
        }
    }

    private static string MissingServices(Type type, IServiceProviderIsService isService)
    {
        var missing = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => !p.HasDefaultValue && !isService.IsService(p.ParameterType))
            .Select(p => $"'{p.Name}' ({p.ParameterType.Name})")
            .Distinct()
            .ToList();
        return missing.Count == 0 ? "it has no public constructor" : $"no service registered for {string.Join(", ", missing)}";
    }
}
