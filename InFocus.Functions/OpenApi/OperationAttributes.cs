namespace InFocus.Functions.OpenApi;

// What the API contract (openapi.json) says about an HTTP function beyond what its [Function] and [HttpTrigger]
// attributes and its endpoint type already tell: see ApiDescription for what is inferred, and docs/contributing.md.

/// <summary>
/// A success response of the function: its status, its JSON body type (none for 204) and the headers it sets.
/// A <see cref="Domain.Common.Page{T}"/> body adds the <c>limit</c> and <c>cursor</c> query parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ReturnsAttribute(int status, Type? body = null) : Attribute
{
    public int Status { get; } = status;

    public Type? Body { get; } = body;

    /// <summary>The body's media type when it is not JSON (an HTML page, a script).</summary>
    public string? MediaType { get; init; }

    /// <summary>The response carries the resource's <c>ETag</c>.</summary>
    public bool ETag { get; init; }

    /// <summary>The response carries the new resource's address in <c>Location</c>.</summary>
    public bool Location { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// The error statuses the function's domain calls can answer with, beyond those inferred (401 for a signed-in
/// endpoint, 400/413/415 for a body, 400 for query values and paging, 404 for a route id, 400/412 for If-Match).
/// 429 and 503 carry <c>Retry-After</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FailsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}

/// <summary>The function reads a JSON body of this type (<c>request.ReadJsonAsync&lt;T&gt;</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>
/// The function reads the body as a file of one of these media types (<c>RequestBody.CopyFileAsync</c>): the
/// contract shows it as binary content of each.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BinaryBodyAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;

    /// <summary>What the file is, and its size limit.</summary>
    public string? Description { get; init; }
}

/// <summary>The function reads an HTML form (<c>application/x-www-form-urlencoded</c>) with these string fields.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormBodyAttribute(params string[] fields) : Attribute
{
    public IReadOnlyList<string> Fields { get; } = fields;
}

/// <summary>An optional query parameter: a string of at most <see cref="MaxLength"/> characters, or one of an enum's wire values.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>An enum whose snake_case names are the allowed values.</summary>
    public Type? Enum { get; init; }

    public int MaxLength { get; init; } = 100;

    public string? Description { get; init; }
}

/// <summary>The function honours an optional <c>If-Match</c> precondition (400 when malformed, 412 when it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IfMatchAttribute : Attribute;

/// <summary>The operation's one-line summary; without it the summary is the function name in words.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SummaryAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>An optional request header the function reads (beyond <c>Authorization</c> and <c>If-Match</c>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequestHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
