using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using InFocus.Domain.Common;
using Microsoft.OpenApi;

namespace InFocus.Functions.OpenApi;

/// <summary>
/// JSON Schemas of the records the API reads and writes, from the serializer's own contract for them
/// (<see cref="InFocusJson.Options"/>): camelCase member names, enums as their snake_case wire values, times as
/// UTC date-times, nullability from the nullable reference annotations. Objects become components named after their
/// type. A response object lists every member it writes as required and allows no others; a request object requires
/// nothing (the services validate and answer 400 naming the field).
/// </summary>
internal sealed class JsonSchemas(OpenApiDocument document)
{
    private static readonly JsonSchemaType NullableFlag = JsonSchemaType.Null;

    private readonly Dictionary<string, (Type Type, bool Request)> _componentTypes = [];

    private readonly NullabilityInfoContext _nullability = new();

    public Dictionary<string, IOpenApiSchema> Components { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema of a response body of type <paramref name="type"/>.</summary>
    public IOpenApiSchema Response(Type type) => For(type, nullable: false, request: false);

    /// <summary>The schema of a request body of type <paramref name="type"/>.</summary>
    public IOpenApiSchema Request(Type type) => For(type, nullable: false, request: true);

    /// <summary>The schema of a string query value that is one of <paramref name="enumType"/>'s wire values.</summary>
    public IOpenApiSchema Enum(Type enumType) => Reference(enumType, request: false);

    public static string WireName(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private IOpenApiSchema For(Type type, bool nullable, bool request)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, nullable: true, request);
        }

        if (Primitive(type) is { } primitive)
        {
            if (nullable)
            {
                primitive.Type |= NullableFlag;
            }

            return primitive;
        }

        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return new OpenApiSchema();
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Object | (nullable ? NullableFlag : 0),
                AdditionalProperties = For(valueType, nullable: false, request),
            };
        }

        if (type != typeof(string) && ElementType(type) is { } elementType)
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Array | (nullable ? NullableFlag : 0),
                Items = For(elementType, nullable: false, request),
            };
        }

        var reference = Reference(type, request);
        return nullable ? new OpenApiSchema { OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }] } : reference;
    }

    private static OpenApiSchema? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => new() { Type = JsonSchemaType.String },
        _ when type == typeof(bool) => new() { Type = JsonSchemaType.Boolean },
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => new() { Type = JsonSchemaType.Integer, Format = "int32" },
        _ when type == typeof(long) => new() { Type = JsonSchemaType.Integer, Format = "int64" },
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => new() { Type = JsonSchemaType.Number },
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => new() { Type = JsonSchemaType.String, Format = "date-time" },
        _ when type == typeof(DateOnly) => new() { Type = JsonSchemaType.String, Format = "date" },
        _ when type == typeof(Guid) => new() { Type = JsonSchemaType.String, Format = "uuid" },
        _ => null,
    };

    private static Type? DictionaryValueType(Type type) =>
        Interfaces(type)
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            .Where(i => i.GetGenericArguments()[0] == typeof(string))
            .Select(i => i.GetGenericArguments()[1])
            .FirstOrDefault();

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : Interfaces(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).Select(i => i.GetGenericArguments()[0]).FirstOrDefault()
              ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);

    private static IEnumerable<Type> Interfaces(Type type) => type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();

    private OpenApiSchemaReference Reference(Type type, bool request)
    {
        var name = ComponentName(type);
        if (_componentTypes.TryGetValue(name, out var existing))
        {
            if (existing.Type != type || (existing.Request != request && !type.IsEnum))
            {
                throw new InvalidOperationException(
                    $"The API contract names two schemas '{name}': {existing.Type} and {type}, or one type both as a request and a response.");
            }
        }
        else
        {
            _componentTypes[name] = (type, request);
            Components[name] = new OpenApiSchema(); // placeholder: recursive types refer to it while it is built
            Components[name] = type.IsEnum ? EnumSchema(type) : ObjectSchema(type, request);
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static string ComponentName(Type type) =>
        type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(ComponentName)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
            : type.Name;

    private static OpenApiSchema EnumSchema(Type type) => new()
    {
        Type = JsonSchemaType.String,
        Enum = System.Enum.GetValues(type).Cast<Enum>().Select(v => (JsonNode)JsonValue.Create(WireName(v))).ToList(),
    };

    private OpenApiSchema ObjectSchema(Type type, bool request)
    {
        var info = InFocusJson.Options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            throw new InvalidOperationException($"{type} is not serialized as a JSON object; describe it in JsonSchemas.");
        }

        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new SortedSet<string>(StringComparer.Ordinal),
        };
        var hasExtensionData = false;
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
            {
                hasExtensionData = true;
                continue;
            }

            if (request ? property.Set is null : property.Get is null)
            {
                continue;
            }

            var omittedWhenNull = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
                .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) ?? false;
            var (memberType, nullable) = Member(property, request);
            schema.Properties[property.Name] = For(memberType, nullable && !omittedWhenNull, request);
            if (!request && !omittedWhenNull)
            {
                schema.Required.Add(property.Name);
            }
        }

        if (!request && !hasExtensionData)
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return schema;
    }

    /// <summary>
    /// The member's type as it is on the wire and whether a reference type may be null there; an
    /// <see cref="Optional{T}"/> member (absent: unchanged) is its <c>T</c>, nullable as <c>T</c> is annotated.
    /// </summary>
    private (Type Type, bool Nullable) Member(JsonPropertyInfo property, bool request)
    {
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            var inner = type.GetGenericArguments()[0];
            var annotated = property.AttributeProvider is PropertyInfo member
                && _nullability.Create(member).GenericTypeArguments[0].ReadState == NullabilityState.Nullable;
            return (inner, annotated && !inner.IsValueType);
        }

        // Nullable<T> says it by itself; the flag is for reference types.
        return (type, !type.IsValueType && (request ? property.IsSetNullable : property.IsGetNullable));
    }
}
