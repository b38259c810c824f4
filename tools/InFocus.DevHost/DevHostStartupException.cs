namespace InFocus.DevHost;

/// <summary>
/// The host cannot serve the function app faithfully: each error names the function (or file) and what is wrong.
/// Thrown while the host is built, so that nothing it cannot serve fails later at request time.
/// </summary>
public sealed class DevHostStartupException(IReadOnlyList<string> errors)
    : Exception("The development host cannot start:" + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}")))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
