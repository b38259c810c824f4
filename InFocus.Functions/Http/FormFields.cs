using InFocus.Domain.Common;
using Microsoft.Extensions.Primitives;

namespace InFocus.Functions.Http;

/// <summary>The fields of a form post (<see cref="RequestBody.ReadFormAsync"/>).</summary>
public sealed class FormFields(Dictionary<string, StringValues> fields)
{
    /// <summary>The field's value; null when absent; 400 naming the field when it was sent more than once.</summary>
    public string? Value(string name) => fields.TryGetValue(name, out var values) switch
    {
        false => null,
        true when values.Count == 1 => values[0],
        _ => throw ValidationException.For(name, "must be sent once."),
    };
}
