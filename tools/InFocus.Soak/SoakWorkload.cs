using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;

namespace InFocus.Soak;

/// <summary>
/// The mixed workload: one virtual user per connection, each a real account signed in over HTTP, sending one request
/// after another until the time is up: watchlist reads and writes, TMDB search and import (against the fake TMDB),
/// token refreshes, families, invitations, recommendations and their answers. Writes the API acknowledges go to the
/// <see cref="SoakLedger"/>. Users, their families (in pairs, so that they can recommend to each other) and the
/// catalog are seeded in the database: how accounts are signed up is not this workload's subject (only
/// <see cref="SeedAsync"/> knows it).
/// </summary>
public sealed class SoakWorkload(Uri baseAddress, Func<InFocusDbContext> createDb, SoakMetrics metrics, SoakLedger ledger) : IDisposable
{
    private const int TitlesPerPool = 40;
    private static readonly TimeSpan NoAnswerPause = TimeSpan.FromMilliseconds(100);
    private static readonly (int TmdbId, string Type)[] TmdbTitles =
        [(TmdbFixtures.FightClub, "movie"), (TmdbFixtures.ShawshankRedemption, "movie"), (TmdbFixtures.Rrrrrrr, "movie"), (TmdbFixtures.BreakingBad, "tv"), (TmdbFixtures.GameOfThrones, "tv")];

    private readonly List<string> _watchlistTitles = [];
    private readonly List<string> _recommendedTitles = [];
    private readonly List<VirtualUser> _users = [];
    private readonly SoakMetrics _metrics = metrics;
    private readonly SoakLedger _ledger = ledger;

    /// <summary>Seeds <paramref name="count"/> users in families of two, and two pools of titles; signs everyone in.</summary>
    public async Task SeedAsync(int count)
    {
        var users = Enumerable.Range(0, count).Select(i => Entities.User($"soak-{Guid.NewGuid():N}@example.com", $"Soak user {i}")).ToList();
        var titles = Enumerable.Range(0, 2 * TitlesPerPool).Select(i => Entities.MediaItem($"Soak title {i}")).ToList();
        await using (var db = createDb())
        {
            db.Users.AddRange(users);
            db.MediaItems.AddRange(titles);
            foreach (var pair in users.Chunk(2))
            {
                var family = Entities.Family(pair[0], "Soak pair");
                db.Families.Add(family);
                db.FamilyMemberships.AddRange(pair.Select((u, i) => Entities.Membership(family, u, i == 0 ? FamilyRole.Admin : FamilyRole.Member)));
            }

            await db.SaveChangesAsync();
        }

        _watchlistTitles.AddRange(titles.Take(TitlesPerPool).Select(t => t.Id));
        _recommendedTitles.AddRange(titles.Skip(TitlesPerPool).Select(t => t.Id));
        var signedIn = await Task.WhenAll(users.Select((u, i) => SignInAsync(u, i)));
        for (var i = 0; i < signedIn.Length; i++)
        {
            signedIn[i].Partner = users[(i ^ 1) < users.Count ? i ^ 1 : i].Id;
        }

        _users.AddRange(signedIn);
    }

    /// <summary>Runs every virtual user until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(_users.Select(u => Task.Run(() => u.RunAsync(this, stop), CancellationToken.None)));

    public void Dispose()
    {
        foreach (var user in _users)
        {
            user.Client.Dispose();
        }
    }

    private async Task<VirtualUser> SignInAsync(User user, int index)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // A client address of its own, so that the per-address sign-in limits see 64 devices, not one.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"2001:db8:50a:{index:x}::1");
        using var response = await client.PostAsJsonAsync("api/auth/login", new { email = user.Email, password = TestAccounts.Password }, InFocusJson.Options);
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<TokenPair>(InFocusJson.Options))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new VirtualUser(user.Id, user.Email, client, tokens.RefreshToken, _ledger.For(user.Id));
    }

    /// <summary>
    /// Whether a write answered with <paramref name="status"/> may have been applied although it was not acknowledged:
    /// one without an answer (a killed host), and one answered 503 (PostgreSQL went away during the transaction, perhaps
    /// after its commit but before the acknowledgement reached the app: docs/operations.md, "Database outage").
    /// </summary>
    private static bool OutcomeUnknown(HttpStatusCode status) => status is 0 or HttpStatusCode.ServiceUnavailable;

    /// <summary>A request's status (0: no answer) and, for a success, its body.</summary>
    private sealed record Answer<T>(HttpStatusCode Status, T? Body)
        where T : class
    {
        public bool InDoubt => OutcomeUnknown(Status);
    }

    private sealed class VirtualUser(string id, string email, HttpClient client, string refreshToken, SoakLedger.UserLedger entries)
    {
        private readonly List<string> _ownFamilies = [];
        private string _refreshToken = refreshToken;
        private bool _signedOut;

        public HttpClient Client => client;

        public string Partner { get; set; } = id;

        public async Task RunAsync(SoakWorkload workload, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                if (_signedOut)
                {
                    await SignInAgainAsync(workload);
                }

                var roll = Random.Shared.Next(100);
                await (roll switch
                {
                    < 20 => SendAsync(workload, "list watchlist", () => client.GetAsync("api/watchlist?limit=20")),
                    < 25 => SendAsync(workload, "watchlist stats", () => client.GetAsync("api/watchlist/stats")),
                    < 40 => AddAsync(workload),
                    < 55 => RateAsync(workload),
                    < 60 => RemoveAsync(workload),
                    < 65 => SendAsync(workload, "search tmdb", () => client.GetAsync("api/media/search?query=fight")),
                    < 68 => ImportAsync(workload),
                    < 73 => RefreshAsync(workload),
                    < 75 => CreateFamilyAsync(workload),
                    < 77 => InviteAsync(workload),
                    < 85 => RecommendAsync(workload),
                    < 95 => AnswerAsync(workload),
                    _ => SendAsync(workload, "list families", () => client.GetAsync("api/families")),
                });
            }
        }

        private async Task AddAsync(SoakWorkload workload)
        {
            var title = workload._watchlistTitles[Random.Shared.Next(workload._watchlistTitles.Count)];
            var added = await SendAsync<WatchlistEntryResponse>(workload, "add entry", () => client.PostAsJsonAsync("api/watchlist", new { mediaItemId = title }, InFocusJson.Options));
            if (added.Body is not null)
            {
                entries.Added(added.Body.Id, title);
            }
            else if (added.InDoubt)
            {
                entries.TitleInDoubt(title);
            }
        }

        private async Task RateAsync(SoakWorkload workload)
        {
            if (Pick(entries.EntryIds) is not { } entry)
            {
                return;
            }

            var rating = Random.Shared.Next(1, 11);
            var rated = await SendAsync<WatchlistEntryResponse>(workload, "rate entry", () =>
                client.PatchAsync($"api/watchlist/{entry}", JsonContent.Create(new { rating }, options: InFocusJson.Options)));
            if (rated.Body is not null)
            {
                entries.Rated(entry, rating);
            }
            else if (rated.InDoubt)
            {
                entries.RatingInDoubt(entry, rating);
            }
        }

        private async Task RemoveAsync(SoakWorkload workload)
        {
            if (Pick(entries.EntryIds) is not { } entry)
            {
                return;
            }

            var status = await SendAsync(workload, "remove entry", () => client.DeleteAsync($"api/watchlist/{entry}"));
            if (status == HttpStatusCode.NoContent)
            {
                entries.Removed(entry);
            }
            else if (OutcomeUnknown(status))
            {
                entries.RemovalInDoubt(entry);
            }
        }

        private Task ImportAsync(SoakWorkload workload)
        {
            var (tmdbId, type) = TmdbTitles[Random.Shared.Next(TmdbTitles.Length)];
            return SendAsync(workload, "import title", () => client.PostAsJsonAsync("api/media", new { tmdbId, type }, InFocusJson.Options));
        }

        /// <summary>
        /// What the API asks of a client whose session ended (docs/api.md, "Tokens and sessions"): sign in again. A
        /// refresh whose answer a killed host never sent leaves the client with a used refresh token, whose next use
        /// ends the session as a suspected theft.
        /// </summary>
        private async Task SignInAgainAsync(SoakWorkload workload)
        {
            client.DefaultRequestHeaders.Authorization = null;
            var tokens = await SendAsync<TokenPair>(workload, "sign in again", () =>
                client.PostAsJsonAsync("api/auth/login", new { email, password = TestAccounts.Password }, InFocusJson.Options));
            if (tokens.Body is not null)
            {
                _refreshToken = tokens.Body.RefreshToken;
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Body.AccessToken);
            }
        }

        private async Task RefreshAsync(SoakWorkload workload)
        {
            var tokens = await SendAsync<TokenPair>(workload, "refresh token", () => client.PostAsJsonAsync("api/auth/refresh", new { refreshToken = _refreshToken }, InFocusJson.Options));
            if (tokens.Body is not null)
            {
                _refreshToken = tokens.Body.RefreshToken;
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Body.AccessToken);
            }
        }

        private async Task CreateFamilyAsync(SoakWorkload workload)
        {
            var family = await SendAsync<FamilySummary>(workload, "create family", () => client.PostAsJsonAsync("api/families", new { name = "Soak family" }, InFocusJson.Options));
            if (family.Body is not null)
            {
                _ownFamilies.Add(family.Body.Id);
                workload._ledger.FamilyCreated(family.Body.Id);
            }
        }

        private async Task InviteAsync(SoakWorkload workload)
        {
            if (Pick(_ownFamilies) is not { } family)
            {
                return;
            }

            var invitation = await SendAsync<InvitationResponse>(workload, "invite", () =>
                client.PostAsJsonAsync($"api/families/{family}/invitations", new { email = $"invitee-{Guid.NewGuid():N}@example.com" }, InFocusJson.Options));
            if (invitation.Body is not null)
            {
                workload._ledger.Invited(invitation.Body.Id);
            }
        }

        private async Task RecommendAsync(SoakWorkload workload)
        {
            var title = workload._recommendedTitles[Random.Shared.Next(workload._recommendedTitles.Count)];
            var sent = await SendAsync<RecommendationResponse>(workload, "recommend", () =>
                client.PostAsJsonAsync("api/recommendations", new { mediaItemId = title, recipientId = Partner }, InFocusJson.Options));
            if (sent.Body is not null)
            {
                workload._ledger.Recommended(sent.Body.Id);
            }
        }

        private async Task AnswerAsync(SoakWorkload workload)
        {
            var pending = await SendAsync<Page<RecommendationResponse>>(workload, "list received", () => client.GetAsync("api/recommendations/received?status=pending&limit=5"));
            if (Pick(pending.Body?.Items ?? []) is not { } recommendation)
            {
                return;
            }

            var accept = Random.Shared.Next(2) == 0;
            var answered = await SendAsync<RecommendationResponse>(workload, accept ? "accept" : "reject", () =>
                client.PostAsync($"api/recommendations/{recommendation.Id}/{(accept ? "accept" : "reject")}", content: null));
            if (answered.Body is not null)
            {
                if (accept)
                {
                    entries.AcceptedTitle(recommendation.Media.Id);
                }

                workload._ledger.Answered(answered.Body.Id, answered.Body.Status);
            }
            else if (answered.InDoubt)
            {
                if (accept)
                {
                    entries.TitleInDoubt(recommendation.Media.Id);
                }

                workload._ledger.AnswerInDoubt(recommendation.Id);
            }
        }

        private static T? Pick<T>(IReadOnlyCollection<T> items) => items.Count == 0 ? default : items.ElementAt(Random.Shared.Next(items.Count));

        /// <summary>Sends, records the status and latency; the body when the answer is a success.</summary>
        private async Task<Answer<T>> SendAsync<T>(SoakWorkload workload, string operation, Func<Task<HttpResponseMessage>> send)
            where T : class
        {
            var (status, response) = await SendCoreAsync(workload, operation, send);
            using (response)
            {
                return new(status, response is { IsSuccessStatusCode: true } ? await response.Content.ReadFromJsonAsync<T>(InFocusJson.Options) : null);
            }
        }

        private async Task<HttpStatusCode> SendAsync(SoakWorkload workload, string operation, Func<Task<HttpResponseMessage>> send)
        {
            var (status, response) = await SendCoreAsync(workload, operation, send);
            response?.Dispose();
            return status;
        }

        private async Task<(HttpStatusCode Status, HttpResponseMessage? Response)> SendCoreAsync(
            SoakWorkload workload, string operation, Func<Task<HttpResponseMessage>> send)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await send();
                await response.Content.LoadIntoBufferAsync();
                workload._metrics.Record(operation, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _signedOut = response.StatusCode == HttpStatusCode.Unauthorized;
                return (response.StatusCode, response);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No answer at all (a timeout, a refused or dropped connection): recorded as status 0, a failure of the run
                // unless the host was killed on purpose. A client would not hammer a host that is down: pause a little.
                workload._metrics.Record(operation, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(NoAnswerPause);
                return (0, null);
            }
        }
    }
}
