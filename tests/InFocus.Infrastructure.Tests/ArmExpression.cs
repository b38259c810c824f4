using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// Evaluates the ARM template expressions of the compiled main.bicep that depend on parameters only (names, the
/// connection budget, network-mode switches), as the deployment engine would before deploying anything: the offline
/// part of a What-If. Values are strings, longs, bools or JSON arrays and objects. Functions whose result exists only
/// during a deployment (reference(), resourceId of deployed resources) are not supported and throw.
/// <c>uniqueString</c> returns a 13-character stand-in, the length of the real thing.
/// </summary>
internal sealed class ArmExpression
{
    public const string UniqueStringStandIn = "abcdefghijklm";

    private readonly JsonObject _template;
    private readonly IReadOnlyDictionary<string, object> _parameters;
    private readonly long? _copyIndex;
    private string _text = "";
    private int _position;

    private ArmExpression(JsonObject template, IReadOnlyDictionary<string, object> parameters, long? copyIndex)
    {
        _template = template;
        _parameters = parameters;
        _copyIndex = copyIndex;
    }

    /// <summary>
    /// An evaluator for <paramref name="template"/> (main.json or a module's nested template) whose parameters take
    /// <paramref name="values"/>, else their default values; <paramref name="copyIndex"/> is copyIndex() in a loop.
    /// </summary>
    public static ArmExpression For(JsonObject template, IReadOnlyDictionary<string, object>? values = null, long? copyIndex = null)
    {
        var parameters = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var evaluator = new ArmExpression(template, parameters, copyIndex);
        foreach (var (name, definition) in template["parameters"]?.AsObject() ?? [])
        {
            if (values?.TryGetValue(name, out var value) == true)
            {
                parameters[name] = value;
            }
            else if (definition!["defaultValue"] is { } defaultValue)
            {
                parameters[name] = evaluator.Value(defaultValue);
            }
        }

        return evaluator;
    }

    /// <summary>A template value: an expression string ("[...]") is evaluated, anything else taken as it is.</summary>
    public object Value(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => Evaluate(text),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value => value.GetValue<long>(),
        _ => node.DeepClone(),
    };

    public object Evaluate(string text)
    {
        if (!text.StartsWith('[') || text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;
        }

        var (savedText, savedPosition) = (_text, _position);
        _text = text[1..^1];
        _position = 0;
        var result = Expression();
        SkipSpaces();
        if (_position != _text.Length)
        {
            throw new FormatException($"Unexpected '{_text[_position..]}' in {text}");
        }

        (_text, _position) = (savedText, savedPosition);
        return result;
    }

    private object Expression()
    {
        var value = Primary();
        while (true)
        {
            SkipSpaces();
            if (Peek('.'))
            {
                _position++;
                var property = Identifier();
                value = ((JsonNode)value)[property] is { } node ? Value(node) : throw new KeyNotFoundException(property);
            }
            else if (Peek('['))
            {
                _position++;
                var index = Expression();
                Expect(']');
                var node = index is long i ? ((JsonArray)value)[(int)i] : ((JsonObject)value)[(string)index];
                value = Value(node ?? throw new KeyNotFoundException(index.ToString()));
            }
            else
            {
                return value;
            }
        }
    }

    private object Primary()
    {
        SkipSpaces();
        if (Peek('\''))
        {
            return StringLiteral();
        }

        if (char.IsDigit(_text[_position]) || Peek('-'))
        {
            var start = _position++;
            while (_position < _text.Length && char.IsDigit(_text[_position]))
            {
                _position++;
            }

            return long.Parse(_text[start.._position], CultureInfo.InvariantCulture);
        }

        var name = Identifier();
        if (name is "true" or "false")
        {
            return name == "true";
        }

        Expect('(');
        var arguments = new List<object>();
        SkipSpaces();
        while (!Peek(')'))
        {
            arguments.Add(Expression());
            SkipSpaces();
            if (Peek(','))
            {
                _position++;
            }
        }

        _position++;
        return Call(name, arguments);
    }

    private object Call(string name, List<object> a) => name.ToLowerInvariant() switch
    {
        "parameters" => _parameters.TryGetValue((string)a[0], out var parameter) ? parameter : throw new KeyNotFoundException($"parameter {a[0]} has no value"),
        "variables" => Value(_template["variables"]![(string)a[0]] ?? throw new KeyNotFoundException($"variable {a[0]}")),
        "format" => string.Format(CultureInfo.InvariantCulture, (string)a[0], a.Skip(1).Select(Text).ToArray()),
        "tolower" => ((string)a[0]).ToLowerInvariant(),
        "take" => a[0] is string s ? s[..Math.Min(s.Length, (int)(long)a[1])] : new JsonArray(((JsonArray)a[0]).Take((int)(long)a[1]).Select(n => n?.DeepClone()).ToArray()),
        "concat" => a.All(x => x is string) ? string.Concat(a.Cast<string>()) : new JsonArray(a.SelectMany(x => ((JsonArray)x).Select(n => n?.DeepClone())).ToArray()),
        "createarray" => new JsonArray(a.Select(ToNode).ToArray()),
        "createobject" => new JsonObject(Enumerable.Range(0, a.Count / 2).Select(i => KeyValuePair.Create((string)a[2 * i], ToNode(a[(2 * i) + 1])))),
        "empty" => a[0] switch { string s => s.Length == 0, JsonArray array => array.Count == 0, JsonObject obj => obj.Count == 0, _ => false },
        "equals" => Equals(Text(a[0]), Text(a[1])),
        "not" => !(bool)a[0],
        "and" => a.All(x => (bool)x),
        "or" => a.Any(x => (bool)x),
        "if" => (bool)a[0] ? a[1] : a[2],
        "add" => (long)a[0] + (long)a[1],
        "sub" => (long)a[0] - (long)a[1],
        "mul" => (long)a[0] * (long)a[1],
        "div" => (long)a[0] / (long)a[1],
        "min" => a.Cast<long>().Min(),
        "max" => a.Cast<long>().Max(),
        "string" => Text(a[0]),
        "length" => a[0] is string s ? (long)s.Length : ((JsonNode)a[0]) is JsonArray array ? array.Count : ((JsonObject)a[0]).Count,
        "uniquestring" => UniqueStringStandIn,
        "copyindex" => _copyIndex ?? throw new NotSupportedException("copyIndex() outside a loop"),
        "subscription" => new JsonObject { ["id"] = "/subscriptions/00000000-0000-0000-0000-000000000000", ["subscriptionId"] = "00000000-0000-0000-0000-000000000000" },
        "environment" => new JsonObject { ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" } },
        _ => throw new NotSupportedException($"{name}() is not evaluated offline"),
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => ((JsonNode)value).ToJsonString(),
    };

    private static JsonNode? ToNode(object value) => value switch
    {
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        _ => ((JsonNode)value).DeepClone(),
    };

    private string StringLiteral()
    {
        var text = new StringBuilder();
        _position++;
        while (true)
        {
            if (_text[_position] == '\'')
            {
                if (_position + 1 < _text.Length && _text[_position + 1] == '\'')
                {
                    text.Append('\'');
                    _position += 2;
                    continue;
                }

                _position++;
                return text.ToString();
            }

            text.Append(_text[_position++]);
        }
    }

    private string Identifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw new FormatException($"Identifier expected at '{_text[start..]}'");
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private void Expect(char c)
    {
        SkipSpaces();
        if (!Peek(c))
        {
            throw new FormatException($"'{c}' expected at '{_text[_position..]}'");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }
}
