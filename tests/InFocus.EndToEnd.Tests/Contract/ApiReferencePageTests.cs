using System.Collections.Concurrent;
using InFocus.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InFocus.EndToEnd.Tests.Contract;

[CollectionDefinition(Name)]
public sealed class ApiReferenceCollection : ICollectionFixture<DevHostFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "API reference in Chromium";
}

/// <summary>
/// GET /api/docs in Chromium: the reference renders the contract, lists every operation, loads nothing but from this
/// host, and its try-it sends a request to this host.
/// </summary>
[Collection(ApiReferenceCollection.Name)]
public sealed class ApiReferencePageTests(DevHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_reference_lists_every_operation_of_the_contract_and_loads_only_from_this_host()
    {
        await using var browser = await chromium.NewDesktopContextAsync();
        var page = await browser.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue(message.Text);
            }
        };

        var opened = await page.GotoAsync(Docs());

        Assert.Equal(200, opened!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "InFocus API", Exact = true })).ToBeVisibleAsync();
        foreach (var operation in ApiContract.Operations)
        {
            await Expect(page.Locator($"a[href='{Anchor(operation)}']").First).ToBeAttachedAsync();
        }

        Assert.All(requests, url => Assert.StartsWith(host.BaseAddress.ToString(), url, StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Try_it_on_the_health_operation_calls_this_host_and_shows_200()
    {
        await using var browser = await chromium.NewDesktopContextAsync();
        var page = await browser.NewPageAsync();
        var health = ApiContract.Operations.Single(o => o.Id == "Health");
        await page.GotoAsync(Docs() + Anchor(health));
        var section = page.Locator($"[id='api-1/{Anchor(health)[1..]}']");

        await section.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).ClickAsync();
        var sent = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            response => response.Url == new Uri(host.BaseAddress, "api/health").ToString());

        Assert.Equal(200, sent.Status);
        await Expect(page.GetByText("\"healthy\"").First).ToBeVisibleAsync();
    }

    private string Docs() => new Uri(host.BaseAddress, "api/docs").ToString();

    /// <summary>The reference's link to an operation: <c>#tag/{tag}/{METHOD}{path}</c>.</summary>
    private static string Anchor(ApiContract.Operation operation)
    {
        var tag = ApiContract.Document["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!["tags"]![0]!.GetValue<string>();
        return $"#tag/{tag.ToLowerInvariant()}/{operation.Method}{operation.Template}";
    }
}
