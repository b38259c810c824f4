namespace InFocus.Functions.Http;

/// <summary>
/// The pages InFocus serves to browsers (the invitation page and the HTML error pages): one small layout that reads
/// well on a phone and works without JavaScript, and the security headers every page response carries.
/// </summary>
public static class HtmlPage
{
    /// <summary>
    /// Nothing may load or run but the inline stylesheet; forms post only to this origin; no page may frame this one.
    /// The pages carry capability tokens in their URLs, so they are also never cached and never sent as a referrer.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A complete page: <paramref name="title"/> names it in the tab, <paramref name="content"/> is what <c>main</c> holds.</summary>
    public static ApiResult Create(int status, string title, SafeHtml content)
    {
        var document = SafeHtml.Of($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{{title}} – InFocus</title>
            <style>
            *, *::before, *::after { box-sizing: border-box; }
            body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #f4f5f7; overflow-wrap: break-word; }
            header { background: #0b3d91; color: #ffffff; padding: 0.75rem 1rem; }
            .brand { margin: 0 auto; max-width: 36rem; font-weight: 700; letter-spacing: 0.02em; }
            main { margin: 1rem auto; max-width: 36rem; padding: 1.25rem 1rem 1.5rem; background: #ffffff; border-radius: 0.5rem; }
            h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.75rem; }
            h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
            p { margin: 0 0 0.75rem; }
            dl { margin: 0 0 1rem; }
            dt { font-weight: 600; }
            dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
            label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
            input { display: block; width: 100%; font: inherit; padding: 0.6rem 0.7rem; border: 2px solid #4a4a4a; border-radius: 0.375rem; background: #ffffff; color: #1a1a1a; }
            input[readonly] { background: #eceef1; border-color: #8a8f98; }
            input[aria-invalid="true"] { border-color: #b91c1c; }
            .hint { color: #4a4a4a; font-size: 0.95rem; margin: 0.25rem 0 0; }
            .field-error { color: #b91c1c; font-weight: 600; margin: 0.25rem 0 0; }
            button { display: inline-block; min-height: 2.75rem; margin-top: 1rem; padding: 0.6rem 1.2rem; font: inherit; font-weight: 600; border-radius: 0.375rem; border: 2px solid #1d4ed8; background: #1d4ed8; color: #ffffff; cursor: pointer; }
            button.secondary { background: #ffffff; color: #1d4ed8; }
            a { color: #1d4ed8; }
            :focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
            .error-summary { border: 3px solid #b91c1c; border-radius: 0.375rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
            .error-summary h2 { margin-top: 0; color: #b91c1c; }
            .error-summary ul { margin: 0; padding-left: 1.25rem; }
            .muted { color: #4a4a4a; }
            code { overflow-wrap: anywhere; }
            @media (max-width: 30rem) { main { margin: 0; border-radius: 0; } button { width: 100%; } }
            </style>
            </head>
            <body>
            <header><p class="brand">InFocus</p></header>
            <main>
            {{content}}
            </main>
            </body>
            </html>
            """);
        return new ApiResult(status, document.ToString(), ApiResult.Html)
            .WithHeader("Content-Security-Policy", ContentSecurityPolicy)
            .WithHeader("X-Frame-Options", "DENY")
            .WithHeader("Referrer-Policy", "no-referrer")
            .WithHeader("X-Content-Type-Options", "nosniff");
    }
}
