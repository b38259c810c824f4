using Microsoft.Playwright;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>What every page test checks and does in Chromium: submitting a form, the phone layout, text contrast.</summary>
public static class BrowserPages
{
    /// <summary>Presses a form's button and returns the response to the post (the page it shows next).</summary>
    public static Task<IResponse> SubmitAsync(IPage page, string button) => page.RunAndWaitForResponseAsync(
        () => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(),
        response => response.Request is { IsNavigationRequest: true, Method: "POST" });

    /// <summary>The page is laid out for the phone's width (its viewport meta tag is honoured) and nothing overflows it sideways.</summary>
    public static async Task AssertFitsThePhoneAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>(
            $"() => window.innerWidth === {ChromiumFixture.PhoneViewport.Width} && document.documentElement.scrollWidth <= window.innerWidth"));

    /// <summary>
    /// Every piece of visible text (labels, hints, errors, buttons, the header) meets WCAG 2 AA contrast against the
    /// background it is drawn on: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
    /// </summary>
    public static async Task AssertTextContrastAsync(IPage page)
    {
        var failures = await page.EvaluateAsync<string[]>("""
            () => {
              const rgba = value => (value.match(/[\d.]+/g) || []).map(Number);
              const luminance = ([r, g, b]) => {
                const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
              };
              const background = element => {
                for (let e = element; e; e = e.parentElement) {
                  const [r, g, b, a = 1] = rgba(getComputedStyle(e).backgroundColor);
                  if (a > 0) return [r, g, b];
                }
                return [255, 255, 255];
              };
              const failures = [];
              for (const element of document.body.querySelectorAll('*')) {
                const text = [...element.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent.trim()).join('');
                const value = element.tagName === 'INPUT' && element.type !== 'hidden' ? element.value : '';
                if (!text && !value) continue;
                const style = getComputedStyle(element);
                if (style.visibility === 'hidden' || style.display === 'none') continue;
                const [l1, l2] = [luminance(rgba(style.color)), luminance(background(element))].sort((a, b) => b - a);
                const ratio = (l1 + 0.05) / (l2 + 0.05);
                const size = parseFloat(style.fontSize);
                const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
                if (ratio < (large ? 3 : 4.5)) failures.push(`${element.tagName} "${(text || value).slice(0, 40)}": ${ratio.toFixed(2)}:1`);
              }
              return failures;
            }
            """);

        Assert.Empty(failures);
    }

    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
