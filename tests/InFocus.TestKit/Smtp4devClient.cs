using System.Net.Http.Json;
using System.Text.Json;

namespace InFocus.TestKit;

/// <summary>Reads what reached smtp4dev through its REST API. Tests share the server, so they look up unique recipients.</summary>
public sealed class Smtp4devClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new() { BaseAddress = TestEnvironment.Smtp4devUrl, Timeout = TimeSpan.FromSeconds(10) };

    public sealed record MessageSummary(string Id, string From, string[] To, string Subject, DateTimeOffset ReceivedDate);

    private sealed record MessagePage(MessageSummary[] Results);

    /// <summary>Messages delivered to <paramref name="recipient"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessageSummary>> MessagesToAsync(string recipient)
    {
        var page = await _http.GetFromJsonAsync<MessagePage>(
            $"api/messages?searchTerms={Uri.EscapeDataString(recipient)}&pageSize=100", Json);
        return (page?.Results ?? [])
            .Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            .OrderBy(m => m.ReceivedDate)
            .ToList();
    }

    /// <summary>Waits until <paramref name="count"/> messages reached <paramref name="recipient"/> (or fails after the timeout).</summary>
    public async Task<IReadOnlyList<MessageSummary>> WaitForMessagesAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = await MessagesToAsync(recipient);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} message(s) to {recipient} in smtp4dev, found {messages.Count}.");
            }

            await Task.Delay(250);
        }
    }

    public Task<string> PlainTextAsync(string id) => _http.GetStringAsync($"api/messages/{id}/plaintext");

    public Task<string> HtmlAsync(string id) => _http.GetStringAsync($"api/messages/{id}/html");

    public Task<string> SourceAsync(string id) => _http.GetStringAsync($"api/messages/{id}/source");

    /// <summary>The message as received (headers and MIME body), as smtp4dev stored it.</summary>
    public Task<string> RawAsync(string id) => _http.GetStringAsync($"api/messages/{id}/raw");

    public void Dispose() => _http.Dispose();
}
