namespace InFocus.DevHost;

/// <summary>
/// The function app cannot be hosted as indexed: each error names the function and what is wrong with it. Thrown
/// while the host is built, so a function the host cannot serve faithfully never fails later at request time.
/// </summary>
public sealed class FunctionIndexingException(IReadOnlyList<string> errors)
    : Exception("The development host cannot load the function app:" + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}")))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
