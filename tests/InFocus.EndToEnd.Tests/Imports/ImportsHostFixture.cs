using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using InFocus.Domain.Imports;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;

namespace InFocus.EndToEnd.Tests.Imports;

/// <summary>
/// The host for the import tests: a fake TMDB with the fixtures' extra titles, small per-user import limits, and
/// helpers to upload the fixture files and wait for an import to finish (the host's queue trigger processes it).
/// </summary>
public sealed class ImportsHostFixture : TmdbHostFixture
{
    public const int PerUserPerDay = 4;
    public const int Solaris1972 = 593;
    public const int Solaris2002 = 2103;
    public const int TheThing = 1091;
    public const int LateRelease = 900010;

    protected override void Stock(FakeTmdbServer tmdb)
    {
        tmdb.AddTitle(MediaType.Movie, Solaris1972, "Solaris", "1972-03-20");
        tmdb.AddTitle(MediaType.Movie, Solaris2002, "Solaris", "2002-11-27");
        tmdb.AddTitle(MediaType.Movie, TheThing, "The Thing", "1982-06-25");
        tmdb.AddTitle(MediaType.Movie, 900001, "Twin Peril", "2001-04-01");
        tmdb.AddTitle(MediaType.Movie, 900002, "Twin Peril", "2001-09-01");
        tmdb.AddTitle(MediaType.Movie, LateRelease, "Late Release", "2011-01-05");
        tmdb.AddEpisode("tt0959621", TmdbFixtures.BreakingBad, 1, 1);
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Imports__PerUserPerDay"] = PerUserPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Imports__AppPerHour"] = "10000";
        settings["Imports__BatchSize"] = "4";
        settings["Imports__MaxBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public static string FixturePath(params string[] parts) =>
        Path.Combine([TestSettings.RepositoryRoot, "tests", "InFocus.EndToEnd.Tests", "Imports", "Fixtures", .. parts]);

    /// <summary>A fixture folder as a ZIP, CSV line ends as CRLF (as Letterboxd writes them).</summary>
    public static byte[] ZipOf(string folder)
    {
        var root = FixturePath(folder);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root, file).Replace('\\', '/');
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Crlf(File.ReadAllBytes(file), name));
            }
        }

        return buffer.ToArray();
    }

    public static byte[] FileOf(string folder, string name) => Crlf(File.ReadAllBytes(FixturePath(folder, name)), name);

    private static byte[] Crlf(byte[] content, string name) =>
        name.EndsWith(".csv", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal))
            : content;

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string source, byte[] body, string contentType, string? file = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var query = file is null ? "" : $"&file={Uri.EscapeDataString(file)}";
        return client.PostAsync($"api/imports?source={source}{query}", content);
    }

    /// <summary>Uploads and waits until the import finished; its final report.</summary>
    public static async Task<ImportResponse> ImportAsync(
        HttpClient client, string source, byte[] body, string contentType, string? file = null, TimeSpan? timeout = null)
    {
        using var response = await UploadAsync(client, source, body, contentType, file);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.ReadAsync<ImportCreatedResponse>();
        Assert.Equal($"/api/imports/{created.Id}", response.Headers.Location?.OriginalString);
        return await FinishedAsync(client, created.Id, timeout);
    }

    public static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }

    public static async Task<ImportResponse> FinishedAsync(HttpClient client, string id, TimeSpan? timeout = null)
    {
        ImportResponse? import = null;
        await Eventually.TrueAsync(
            async () =>
            {
                import = await GetAsync<ImportResponse>(client, $"api/imports/{id}");
                return import!.Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;
            },
            $"import {id} finished",
            timeout ?? TimeSpan.FromSeconds(60));
        return import!;
    }
}

[CollectionDefinition(Name)]
public sealed class ImportsCollection : ICollectionFixture<ImportsHostFixture>
{
    public const string Name = "Imports over HTTP";
}
