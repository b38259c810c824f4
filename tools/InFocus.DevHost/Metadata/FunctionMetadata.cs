namespace InFocus.DevHost.Metadata;

/// <summary>
/// One entry of <c>functions.metadata</c>, the index the worker SDK writes into the function app's build output and
/// the Azure Functions host reads to learn which functions exist and how they are triggered.
/// </summary>
public sealed record FunctionMetadata(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings);

/// <summary>
/// A binding of a function as the SDK writes it: the trigger or an input/output binding. Only the members the
/// development host understands are read; see <see cref="FunctionMetadataFile"/>.
/// </summary>
public sealed record FunctionBinding
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public required string Direction { get; init; }

    public string? Route { get; init; }

    public IReadOnlyList<string>? Methods { get; init; }

    public string? Schedule { get; init; }

    public bool RunOnStartup { get; init; }

    public string? QueueName { get; init; }

    public string? Connection { get; init; }

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);
}
