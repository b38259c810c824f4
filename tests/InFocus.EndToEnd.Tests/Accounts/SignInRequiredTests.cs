using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InFocus.Domain.Common;
using InFocus.DevHost.Metadata;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// Every HTTP function of the app, as functions.metadata lists it (so functions added later are covered too), needs a
/// valid access token unless it is on the short list of anonymous routes below: without a token it answers 401 with
/// <c>WWW-Authenticate: Bearer</c>, with a forged one 401 with <c>error="invalid_token"</c>.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed partial class SignInRequiredTests(DevHostFixture host)
{
    /// <summary>"METHOD route" of the functions meant for callers without an account; <c>*</c> ends a prefix.</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "GET health",
        "POST auth/register",
        "POST auth/login",
        "POST auth/refresh",
        "POST auth/verify-email",
        "POST auth/verify-email/resend",
        "POST auth/password-reset",
        "POST auth/password-reset/confirm",

        // Account email links and the forgot-password page (docs/api.md, Account pages): the token is the capability.
        "GET verify-email/{token}",
        "POST verify-email/{token}/confirm",
        "GET password-reset",
        "POST password-reset",
        "GET password-reset/{token}",
        "POST password-reset/{token}/confirm",

        // The API contract and its reference page, for client developers before they have an account.
        "GET openapi.json",
        "GET docs*",

        // Invitation links: the token in the path is the capability (docs/api.md, Invitations). Accepting through the
        // JSON API (POST invitations/{token}/accept) needs the invited account's sign-in and is not listed.
        "POST invitations/{token}/decline",
        "GET invitations/{token}",
        "POST invitations/{token}/page/*",

        // The calendar feed for calendar apps, which cannot sign in: the token in the query is the capability.
        "GET me/calendar.ics",

        // The digest's one-click unsubscribe (RFC 8058), which mail clients post without a sign-in: the token in the
        // query is the capability, and it only ever turns its owner's digest off.
        "GET unsubscribe",
        "POST unsubscribe",
    ];

    public static TheoryData<string, string, string> SignedInEndpoints()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var function in FunctionMetadataFile.Read(FunctionAppMetadata.BuildOutputPath))
        {
            var trigger = function.Bindings.SingleOrDefault(b => b.Type == "httpTrigger");
            foreach (var method in trigger?.Methods ?? [])
            {
                var endpoint = $"{method.ToUpperInvariant()} {trigger!.Route}";
                if (!AnonymousRoutes.Any(a => a.EndsWith('*') ? endpoint.StartsWith(a[..^1], StringComparison.Ordinal) : endpoint == a))
                {
                    data.Add(function.Name, method.ToUpperInvariant(), trigger.Route!);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Every_feature_is_covered_and_only_the_anonymous_routes_are_left_out()
    {
        var functions = SignedInEndpoints().Select(row => (string)row[0]).ToHashSet();

        Assert.Superset(new HashSet<string> { "GetMe", "EndSession", "SearchMedia", "ListWatchlist", "CreateFamily", "AcceptInvitation", "CreateRecommendation" }, functions);
        Assert.Empty(functions.Intersect(["Health", "Register", "Login", "Refresh", "DeclineInvitation"]));
    }

    [Theory]
    [MemberData(nameof(SignedInEndpoints))]
    public async Task Without_a_token_the_answer_is_401_with_a_bearer_challenge(string function, string method, string route)
    {
        using var client = host.CreateUserClient();

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(401);
        Assert.True(response.Headers.WwwAuthenticate.ToString() == "Bearer", $"{function}: {response.Headers.WwwAuthenticate}");
    }

    [Theory]
    [MemberData(nameof(SignedInEndpoints))]
    public async Task With_a_forged_token_the_answer_is_401_invalid_token(string function, string method, string route)
    {
        using var client = host.CreateUserClient(ForgedAccessTokens.Create(key: new byte[32]));

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(401);
        Assert.True(response.Headers.WwwAuthenticate.ToString() == "Bearer error=\"invalid_token\"", $"{function}: {response.Headers.WwwAuthenticate}");
    }

    /// <summary>The endpoint with every route parameter filled in and, where a body is expected, a JSON one.</summary>
    private static HttpRequestMessage Request(string method, string route)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "api/" + RouteParameter().Replace(route, _ => Cuid.NewId()));
        if (method is "POST" or "PATCH" or "PUT" or "DELETE")
        {
            request.Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json"));
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
