namespace InFocus.DevHost.Functions;

/// <summary>The functions this host serves, indexed from <c>functions.metadata</c>; names are case-insensitive as in the host.</summary>
public sealed class FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
{
    private readonly Dictionary<string, FunctionDescriptor> _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<FunctionDescriptor> Functions { get; } = functions;

    public FunctionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<(FunctionDescriptor Function, TTrigger Trigger)> WithTrigger<TTrigger>()
        where TTrigger : FunctionTrigger =>
        Functions.Where(f => f.Trigger is TTrigger).Select(f => (f, (TTrigger)f.Trigger));
}
