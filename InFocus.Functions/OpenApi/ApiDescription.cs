using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace InFocus.Functions.OpenApi;

/// <summary>
/// The API contract, OpenAPI 3.1, generated from the function app itself. Every HTTP function is one operation:
/// its route and methods from its <c>[HttpTrigger]</c> (the source of functions.metadata), its operationId the
/// <c>[Function]</c> name, its security and error media type from the endpoint it runs through
/// (<see cref="AuthenticatedEndpoint"/>: bearer; <see cref="HttpEndpoint"/>: public; <see cref="HtmlPageEndpoint"/>:
/// public, HTML), its bodies from the records by reflection (<see cref="JsonSchemas"/>), and the rest from the
/// attributes in <see cref="ReturnsAttribute"/>'s file. Error statuses are inferred where the call path decides them.
/// </summary>
public static partial class ApiDescription
{
    public const string BearerScheme = "bearer";

    public const string ProblemMediaType = "application/problem+json";

    private const string JsonMediaType = "application/json";

    private const string HtmlMediaType = "text/html";

    /// <summary>The HTTP functions of the app: <c>[Function]</c> methods with an <c>[HttpTrigger]</c> parameter.</summary>
    public static IEnumerable<MethodInfo> HttpFunctions(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null && Trigger(m) is not null)
            .OrderBy(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal);

    /// <summary>The document for the functions of <paramref name="assembly"/> (the function app's by default).</summary>
    public static OpenApiDocument Build(Assembly? assembly = null)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "InFocus API",
                Version = "1",
                Description = "Movie and TV watchlists shared with family. Concepts, flows and examples: docs/api.md in the repository.",
            },
            Servers = [new OpenApiServer { Url = "/api" }],
            Paths = [],
        };
        var schemas = new JsonSchemas(document);
        var context = new Context(document, schemas);
        foreach (var function in HttpFunctions(assembly ?? typeof(ApiDescription).Assembly))
        {
            var trigger = Trigger(function)!;
            var path = "/" + RouteConstraint().Replace(trigger.Route ?? "", "{$1}");
            if (!document.Paths.TryGetValue(path, out var item))
            {
                document.Paths[path] = item = new OpenApiPathItem();
            }

            var pathItem = (OpenApiPathItem)item;
            pathItem.Operations ??= [];
            foreach (var method in trigger.Methods ?? [])
            {
                pathItem.Operations[new HttpMethod(method.ToUpperInvariant())] = context.Operation(function, path);
            }
        }

        document.Components = new OpenApiComponents
        {
            Schemas = schemas.Components,
            Responses = context.SharedResponses(),
            SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The access token from POST /auth/login, /auth/register or /auth/refresh.",
                },
            },
        };
        document.Tags = new HashSet<OpenApiTag>(
            context.Tags.Order(StringComparer.Ordinal).Select(t => new OpenApiTag { Name = t }));
        return document;
    }

    /// <summary>The document as OpenAPI 3.1 JSON (UTF-8).</summary>
    public static byte[] ToJson(OpenApiDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static HttpTriggerAttribute? Trigger(MethodInfo function) =>
        function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    /// <summary>
    /// The shared 503 responses (problem+json and, for pages, HTML): every operation that reaches the database or TMDB
    /// can meet an outage of it; <c>Retry-After</c> says when to try again.
    /// </summary>
    public const string UnavailableResponse = "ServiceUnavailable";

    public const string UnavailablePageResponse = "ServiceUnavailablePage";

    private enum EndpointKind
    {
        Public,
        SignedIn,
        HtmlPage,
    }

    private sealed class Context(OpenApiDocument document, JsonSchemas schemas)
    {
        public HashSet<string> Tags { get; } = [];

        public OpenApiOperation Operation(MethodInfo function, string path)
        {
            var name = function.GetCustomAttribute<FunctionAttribute>()!.Name;
            var kind = KindOf(function.DeclaringType!);
            var tag = Tag(function.DeclaringType!);
            Tags.Add(tag);
            var errors = new SortedSet<int>(function.GetCustomAttribute<FailsAttribute>()?.Statuses ?? []);
            var parameters = new List<IOpenApiParameter>();
            foreach (var match in PathParameter().Matches(path).Cast<Match>())
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = match.Groups[1].Value,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 1_024 },
                });
                errors.Add(404);
            }

            foreach (var query in function.GetCustomAttributes<QueryAttribute>())
            {
                parameters.Add(QueryParameter(query));
                errors.Add(400);
            }

            var successes = function.GetCustomAttributes<ReturnsAttribute>().OrderBy(r => r.Status).ToList();
            if (successes.Count == 0)
            {
                throw new InvalidOperationException($"Function {name} declares no [Returns] status for the API contract.");
            }

            if (successes.Any(s => s.Body is { IsGenericType: true } body && body.GetGenericTypeDefinition() == typeof(Page<>)))
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = "limit",
                    In = ParameterLocation.Query,
                    Description = $"Items per page, {PageRequest.DefaultLimit} when absent.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = PageRequest.MaxLimit.ToString(CultureInfo.InvariantCulture) },
                });
                parameters.Add(new OpenApiParameter
                {
                    Name = "cursor",
                    In = ParameterLocation.Query,
                    Description = "The nextCursor of the previous page; opaque.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = PageRequest.MaxCursorLength },
                });
                errors.Add(400);
            }

            foreach (var header in function.GetCustomAttributes<RequestHeaderAttribute>())
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = header.Name,
                    In = ParameterLocation.Header,
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1_024 },
                });
            }

            if (function.GetCustomAttribute<IfMatchAttribute>() is not null)
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Description = "Apply the change only if the resource still has one of these entity tags (or * for any).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1_024 },
                });
                errors.UnionWith([400, 412]);
            }

            var operation = new OpenApiOperation
            {
                OperationId = name,
                Summary = function.GetCustomAttribute<SummaryAttribute>()?.Text ?? Words(name),
                Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
                Parameters = parameters,
                RequestBody = RequestBody(function, errors),
                Responses = [],
                Security = kind == EndpointKind.SignedIn
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }]
                    : [],
            };
            if (kind == EndpointKind.SignedIn)
            {
                errors.Add(401);
            }

            foreach (var success in successes)
            {
                operation.Responses[Status(success.Status)] = Success(success);
            }

            if (MeetsOutages(function.DeclaringType!, kind) && successes.All(s => s.Status != 503))
            {
                errors.Remove(503);
                operation.Responses[Status(503)] = new OpenApiResponseReference(kind == EndpointKind.HtmlPage ? UnavailablePageResponse : UnavailableResponse, document);
            }

            foreach (var status in errors)
            {
                operation.Responses[Status(status)] = Failure(status, kind);
            }

            return operation;
        }

        public Dictionary<string, IOpenApiResponse> SharedResponses()
        {
            var unavailable = Failure(503, EndpointKind.Public);
            var unavailablePage = Failure(503, EndpointKind.HtmlPage);
            unavailable.Description = unavailablePage.Description = "A dependency (the database, TMDB) is temporarily unavailable: try again after Retry-After.";
            return new Dictionary<string, IOpenApiResponse>
            {
                [UnavailableResponse] = unavailable,
                [UnavailablePageResponse] = unavailablePage,
            };
        }

        /// <summary>
        /// A signed-in operation checks its session in the database; any other reaches a dependency when its function
        /// has one beyond its endpoint (a page that only renders a form, the contract itself, do not).
        /// </summary>
        private static bool MeetsOutages(Type function, EndpointKind kind) =>
            kind == EndpointKind.SignedIn || function.GetConstructors().Single().GetParameters().Length > 1;

        private OpenApiRequestBody? RequestBody(MethodInfo function, ISet<int> errors)
        {
            if (function.GetCustomAttribute<JsonBodyAttribute>() is { } json)
            {
                errors.UnionWith([400, 413, 415]);
                return new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, IOpenApiMediaType> { [JsonMediaType] = new OpenApiMediaType { Schema = schemas.Request(json.Type) } },
                };
            }

            if (function.GetCustomAttribute<BinaryBodyAttribute>() is { } binary)
            {
                errors.UnionWith([400, 413, 415]);
                return new OpenApiRequestBody
                {
                    Required = true,
                    Description = binary.Description,
                    Content = binary.MediaTypes.ToDictionary(
                        t => t,
                        IOpenApiMediaType (_) => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
            }

            if (function.GetCustomAttribute<FormBodyAttribute>() is { } form)
            {
                errors.UnionWith([400, 413, 415]);
                return new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        ["application/x-www-form-urlencoded"] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = form.Fields.ToDictionary(f => f, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String }),
                            },
                        },
                    },
                };
            }

            return null;
        }

        private OpenApiParameter QueryParameter(QueryAttribute query) => new()
        {
            Name = query.Name,
            In = ParameterLocation.Query,
            Description = query.Description,
            Schema = query.Enum is { } enumType ? schemas.Enum(enumType) : new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = query.MaxLength },
        };

        private OpenApiResponse Success(ReturnsAttribute success)
        {
            var response = new OpenApiResponse
            {
                Description = success.Description ?? ReasonPhrases.GetReasonPhrase(success.Status),
                Headers = new Dictionary<string, IOpenApiHeader>(),
            };
            if (success.MediaType is { } mediaType)
            {
                response.Content = new Dictionary<string, IOpenApiMediaType> { [mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } };
            }
            else if (success.Body is { } body)
            {
                response.Content = new Dictionary<string, IOpenApiMediaType> { [JsonMediaType] = new OpenApiMediaType { Schema = schemas.Response(body) } };
            }

            if (success.ETag)
            {
                response.Headers["ETag"] = StringHeader("The resource's entity tag, for If-Match.");
            }

            if (success.Location)
            {
                response.Headers["Location"] = StringHeader("The address of the created resource.");
            }

            return response;
        }

        private OpenApiResponse Failure(int status, EndpointKind kind)
        {
            var response = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Headers = new Dictionary<string, IOpenApiHeader>(),
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [kind == EndpointKind.HtmlPage ? HtmlMediaType : ProblemMediaType] =
                        new OpenApiMediaType { Schema = kind == EndpointKind.HtmlPage ? new OpenApiSchema { Type = JsonSchemaType.String } : schemas.Response(typeof(Problem)) },
                },
            };
            if (status is 429 or 503)
            {
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Required = status == 429,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
            }

            if (status == 401 && kind != EndpointKind.HtmlPage)
            {
                response.Headers["WWW-Authenticate"] = StringHeader("The bearer challenge.");
            }

            return response;
        }

        /// <summary>A header the response always carries.</summary>
        private static OpenApiHeader StringHeader(string description) =>
            new() { Description = description, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

        private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);

        private static EndpointKind KindOf(Type function)
        {
            var dependencies = function.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();
            return dependencies.Contains(typeof(AuthenticatedEndpoint)) ? EndpointKind.SignedIn
                : dependencies.Contains(typeof(HtmlPageEndpoint)) ? EndpointKind.HtmlPage
                : dependencies.Contains(typeof(HttpEndpoint)) ? EndpointKind.Public
                : throw new InvalidOperationException($"{function.Name} runs through no HTTP endpoint (HttpEndpoint, AuthenticatedEndpoint or HtmlPageEndpoint).");
        }

        /// <summary>The feature folder: <c>InFocus.Functions.Watchlist</c> is Watchlist.</summary>
        private static string Tag(Type function) => function.Namespace!.Split('.')[2];

        private static string Words(string name)
        {
            var words = WordBoundary().Split(name);
            return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
        }
    }
}
