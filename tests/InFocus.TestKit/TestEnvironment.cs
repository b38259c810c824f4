namespace InFocus.TestKit;

/// <summary>
/// Where the local services the tests use are listening. The defaults are those of scripts/services.sh;
/// environment variables point the tests elsewhere.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin { get; } = Setting(
        "INFOCUS_TEST_POSTGRES", "Host=127.0.0.1;Port=55432;Username=infocus;Password=infocus-local;Database=postgres");

    /// <summary>An AzureWebJobsStorage connection string (Azurite).</summary>
    public static string Storage { get; } = Setting("INFOCUS_TEST_STORAGE", "UseDevelopmentStorage=true");

    /// <summary>
    /// Azurite's well-known development account (published in its documentation), for connection strings whose
    /// endpoints a test moves (a relay, a port nothing listens on).
    /// </summary>
    public const string AzuriteAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The queue endpoint of <see cref="Storage"/>: its <c>QueueEndpoint</c>, or Azurite's default one.</summary>
    public static Uri QueueEndpoint { get; } = new(Endpoint("QueueEndpoint") ?? "http://127.0.0.1:10001/devstoreaccount1");

    /// <summary>The blob endpoint of <see cref="Storage"/>: its <c>BlobEndpoint</c>, or Azurite's default one.</summary>
    public static Uri BlobEndpoint { get; } = new(Endpoint("BlobEndpoint") ?? "http://127.0.0.1:10000/devstoreaccount1");

    public static string SmtpHost { get; } = Setting("INFOCUS_TEST_SMTP_HOST", "127.0.0.1");

    public static int SmtpPort { get; } = int.Parse(Setting("INFOCUS_TEST_SMTP_PORT", "2525"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Base URL of smtp4dev's web UI and REST API.</summary>
    public static Uri Smtp4devUrl { get; } = new(Setting("INFOCUS_TEST_SMTP4DEV_URL", "http://127.0.0.1:5080"));

    /// <summary>The Chromium the browser tests drive (Debian's package; Playwright downloads no browser).</summary>
    public static string Chromium { get; } = Setting("INFOCUS_TEST_CHROMIUM", "/usr/bin/chromium");

    private static string? Endpoint(string name) =>
        Storage.Split(';').Select(part => part.Split('=', 2)).FirstOrDefault(kv => kv[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is [_, var endpoint]
            ? endpoint.Trim()
            : null;

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
