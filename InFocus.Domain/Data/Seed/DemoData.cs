using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Data.Seed;

/// <summary>
/// The development data set the design document lists: three demo users, three TMDB titles with their metadata and
/// streaming providers (what importing them from the TMDB records in tests/InFocus.TestKit/Tmdb/Fixtures stores, as a
/// test checks), watchlists in every status, a family with a pending invitation, recommendations, sessions and refresh
/// tokens. Fixed ids make seeding idempotent.
/// </summary>
public static class DemoData
{
    /// <summary>Every demo account's password (documented in the README; never use it outside development).</summary>
    public const string Password = "InFocus-demo-2026";

    /// <summary>
    /// The demo accounts, seeded as accounts with verified addresses (an account exists only once its address is
    /// verified), so they sign in at once; registering one of these addresses again sends its owner a notice instead.
    /// </summary>
    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("cseeduser0000000000000001", "alice@infocus.dev", "Alice Moreno", "Runs movie night. Thrillers over comedies, always.", """{"theme":"dark","region":"US"}""", "US", [8]),
        new("cseeduser0000000000000002", "ben@infocus.dev", "Ben Okafor", "Slow-burn dramas and anything with a heist.", """{"theme":"light","region":"GB"}""", "GB", [8]),
        new("cseeduser0000000000000003", "chloe@infocus.dev", "Chloe Park", "Catching up on the classics, one per week.", """{"region":"US"}""", "US", []),
    ];

    public static IReadOnlyList<DemoTitle> Titles { get; } =
    [
        new(
            "cseedmedia000000000000001", 550, MediaType.Movie, "Fight Club",
            "A ticking-time-bomb insomniac and a slippery soap salesman channel primal male aggression into a shocking new form of therapy. Their concept catches on, with underground \"fight clubs\" forming in every town, until an eccentric gets in the way and ignites an out-of-control spiral toward oblivion.",
            "/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", "/hZkgoQYus5vegHoetLkCJzb17zJ.jpg", new DateOnly(1999, 10, 15), 8.4m,
            ["Drama"], ["David Fincher"],
            "https://www.themoviedb.org/movie/550-fight-club/watch",
            [
                new(305, "Crave Starz", StreamingOfferType.Subscription, "/csPQMbeJWY7bjwWruZjtc27xf2l.jpg", ["CA"]),
                new(337, "Disney Plus", StreamingOfferType.Subscription, "/7YPdUs60C9qQQQfOFCgxpnF07D9.jpg", ["DE", "GB"]),
                new(178, "MagentaTV", StreamingOfferType.Subscription, "/lrEigPPAhggq02q53uM8vdWAIUX.jpg", ["DE"]),
                new(11, "MUBI", StreamingOfferType.Subscription, "/fj9Y8iIMFUC6952HwxbGixTQPb7.jpg", ["GB"]),
                new(201, "MUBI Amazon Channel", StreamingOfferType.Subscription, "/a4IDLKjvP5gvq7tNlg2Xw5YyEkI.jpg", ["GB"]),
                new(8, "Netflix", StreamingOfferType.Subscription, "/pbpMk2JmcoNnQwx5JGpXngfoWtp.jpg", ["DE", "GB"]),
                new(1796, "Netflix basic with Ads", StreamingOfferType.Subscription, "/kICQccvOh8AIBMHGkBXJ047xeHN.jpg", ["DE", "GB"]),
                new(387, "Peacock Premium", StreamingOfferType.Subscription, "/drPlq5beqXtBaP7MNs8W616YRhm.jpg", ["US"]),
                new(1794, "Starz Amazon Channel", StreamingOfferType.Subscription, "/esiLBRzDUwodjfN8gA4qj7l3ZF7.jpg", ["CA"]),
                new(10, "Amazon Video", StreamingOfferType.Rent, "/seGSXajazLMCKGB5hnRCidtjay1.jpg", ["CA", "DE", "GB", "US"]),
                new(2, "Apple TV", StreamingOfferType.Rent, "/9ghgSC0MA082EL6HLCW3GalykFD.jpg", ["DE", "GB", "US"]),
                new(140, "Cineplex", StreamingOfferType.Rent, "/d1mUAhpJpxy0YMjwVOZ4lxAAbeT.jpg", ["CA"]),
                new(358, "DIRECTV", StreamingOfferType.Rent, "/vg3nIjHVhLXnMKjQkNhQaSlsPub.jpg", ["US"]),
                new(3, "Google Play Movies", StreamingOfferType.Rent, "/8z7rC8uIDaTM91X0ZfkRf04ydj2.jpg", ["CA", "DE", "GB", "US"]),
                new(20, "maxdome Store", StreamingOfferType.Rent, "/9lFSDdj10l7QAXyTZPDWuwkKJT3.jpg", ["DE"]),
                new(68, "Microsoft Store", StreamingOfferType.Rent, "/5vfrJQgNe9UnHVgVNAwZTy0Jo9o.jpg", ["CA", "GB", "US"]),
                new(35, "Rakuten TV", StreamingOfferType.Rent, "/bZvc9dXrXNly7cA0V4D9pR8yJwm.jpg", ["DE", "GB"]),
                new(130, "Sky Store", StreamingOfferType.Rent, "/6AKbY2ayaEuH4zKg2prqoVQ9iaY.jpg", ["DE"]),
                new(7, "Vudu", StreamingOfferType.Rent, "/nVzxU8EPk0aXqQkBZniVA2kat1I.jpg", ["US"]),
                new(192, "YouTube", StreamingOfferType.Rent, "/pTnn5JwWr4p3pG8H6VrpiQo7Vs0.jpg", ["CA", "DE", "GB", "US"]),
                new(10, "Amazon Video", StreamingOfferType.Buy, "/seGSXajazLMCKGB5hnRCidtjay1.jpg", ["CA", "DE", "GB", "US"]),
                new(352, "AMC on Demand", StreamingOfferType.Buy, "/1g3ULbVMEW8OVKOJymLvfboCrMv.jpg", ["US"]),
                new(2, "Apple TV", StreamingOfferType.Buy, "/9ghgSC0MA082EL6HLCW3GalykFD.jpg", ["CA", "DE", "GB", "US"]),
                new(140, "Cineplex", StreamingOfferType.Buy, "/d1mUAhpJpxy0YMjwVOZ4lxAAbeT.jpg", ["CA"]),
                new(358, "DIRECTV", StreamingOfferType.Buy, "/vg3nIjHVhLXnMKjQkNhQaSlsPub.jpg", ["US"]),
                new(3, "Google Play Movies", StreamingOfferType.Buy, "/8z7rC8uIDaTM91X0ZfkRf04ydj2.jpg", ["CA", "DE", "GB", "US"]),
                new(20, "maxdome Store", StreamingOfferType.Buy, "/9lFSDdj10l7QAXyTZPDWuwkKJT3.jpg", ["DE"]),
                new(68, "Microsoft Store", StreamingOfferType.Buy, "/5vfrJQgNe9UnHVgVNAwZTy0Jo9o.jpg", ["CA", "DE", "GB", "US"]),
                new(35, "Rakuten TV", StreamingOfferType.Buy, "/bZvc9dXrXNly7cA0V4D9pR8yJwm.jpg", ["DE", "GB"]),
                new(130, "Sky Store", StreamingOfferType.Buy, "/6AKbY2ayaEuH4zKg2prqoVQ9iaY.jpg", ["DE", "GB"]),
                new(7, "Vudu", StreamingOfferType.Buy, "/nVzxU8EPk0aXqQkBZniVA2kat1I.jpg", ["US"]),
                new(192, "YouTube", StreamingOfferType.Buy, "/pTnn5JwWr4p3pG8H6VrpiQo7Vs0.jpg", ["CA", "DE", "GB", "US"]),
            ]),
        new(
            "cseedmedia000000000000002", 278, MediaType.Movie, "The Shawshank Redemption",
            "Imprisoned in the 1940s for the double murder of his wife and her lover, upstanding banker Andy Dufresne begins a new life at the Shawshank prison, where he puts his accounting skills to work for an amoral warden. During his long stretch in prison, Dufresne comes to be admired by the other inmates -- including an older prisoner named Red -- for his integrity and unquenchable sense of hope.",
            "/9cqNxx0GxF0bflZmeSMuL5tnGzr.jpg", "/zfbjgQE1uSd9wiPTX4VzsLi0rGG.jpg", new DateOnly(1994, 9, 23), 8.7m,
            ["Drama", "Crime"], ["Frank Darabont"],
            "https://www.themoviedb.org/movie/278-the-shawshank-redemption/watch",
            [
                new(10, "Amazon Video", StreamingOfferType.Rent, "/seGSXajazLMCKGB5hnRCidtjay1.jpg", ["GB", "US"]),
                new(2, "Apple TV", StreamingOfferType.Rent, "/9ghgSC0MA082EL6HLCW3GalykFD.jpg", ["GB", "US"]),
                new(3, "Google Play Movies", StreamingOfferType.Rent, "/8z7rC8uIDaTM91X0ZfkRf04ydj2.jpg", ["GB", "US"]),
                new(7, "Vudu", StreamingOfferType.Rent, "/nVzxU8EPk0aXqQkBZniVA2kat1I.jpg", ["US"]),
                new(192, "YouTube", StreamingOfferType.Rent, "/pTnn5JwWr4p3pG8H6VrpiQo7Vs0.jpg", ["US"]),
                new(10, "Amazon Video", StreamingOfferType.Buy, "/seGSXajazLMCKGB5hnRCidtjay1.jpg", ["GB", "US"]),
                new(2, "Apple TV", StreamingOfferType.Buy, "/9ghgSC0MA082EL6HLCW3GalykFD.jpg", ["GB", "US"]),
                new(3, "Google Play Movies", StreamingOfferType.Buy, "/8z7rC8uIDaTM91X0ZfkRf04ydj2.jpg", ["GB", "US"]),
                new(130, "Sky Store", StreamingOfferType.Buy, "/6AKbY2ayaEuH4zKg2prqoVQ9iaY.jpg", ["GB"]),
                new(7, "Vudu", StreamingOfferType.Buy, "/nVzxU8EPk0aXqQkBZniVA2kat1I.jpg", ["US"]),
                new(192, "YouTube", StreamingOfferType.Buy, "/pTnn5JwWr4p3pG8H6VrpiQo7Vs0.jpg", ["US"]),
            ]),
        new(
            "cseedmedia000000000000003", 1396, MediaType.Tv, "Breaking Bad",
            "Walter White, a New Mexico chemistry teacher, is diagnosed with Stage III cancer and given a prognosis of only two years left to live. He becomes filled with a sense of fearlessness and an unrelenting desire to secure his family's financial future at any cost as he enters the dangerous world of drugs and crime.",
            "/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg", "/tsRy63Mu5cu8etL1X7ZLyf7UP1M.jpg", new DateOnly(2008, 1, 20), 8.9m,
            ["Drama", "Crime"], ["Vince Gilligan"],
            "https://www.themoviedb.org/tv/1396-breaking-bad/watch",
            [
                new(8, "Netflix", StreamingOfferType.Subscription, "/pbpMk2JmcoNnQwx5JGpXngfoWtp.jpg", ["GB", "US"]),
                new(10, "Amazon Video", StreamingOfferType.Buy, "/seGSXajazLMCKGB5hnRCidtjay1.jpg", ["GB", "US"]),
                new(2, "Apple TV", StreamingOfferType.Buy, "/9ghgSC0MA082EL6HLCW3GalykFD.jpg", ["GB", "US"]),
                new(3, "Google Play Movies", StreamingOfferType.Buy, "/8z7rC8uIDaTM91X0ZfkRf04ydj2.jpg", ["GB", "US"]),
                new(7, "Vudu", StreamingOfferType.Buy, "/nVzxU8EPk0aXqQkBZniVA2kat1I.jpg", ["US"]),
            ]),
    ];

    public static IReadOnlyList<DemoWatchlistEntry> Watchlist { get; } =
    [
        new("cseedwatch000000000000001", Users[0].Id, Titles[0].Id, WatchStatus.Completed, 9, "Rewatch with Ben; he has never seen the ending."),
        new("cseedwatch000000000000002", Users[0].Id, Titles[2].Id, WatchStatus.Watching, 8, "Season 3."),
        new("cseedwatch000000000000003", Users[0].Id, Titles[1].Id, WatchStatus.NotWatched, null, null),
        new("cseedwatch000000000000004", Users[1].Id, Titles[1].Id, WatchStatus.Completed, 10, "The best ending in film."),
        new("cseedwatch000000000000005", Users[1].Id, Titles[0].Id, WatchStatus.NotWatched, null, null),
        new("cseedwatch000000000000006", Users[2].Id, Titles[2].Id, WatchStatus.Completed, 10, null),
    ];

    /// <summary>
    /// Breaking Bad's seasons as TMDB lists them (first air date, episode count; episodes aired weekly), so progress works
    /// offline. Episode names are left out; a refresh from TMDB fills them in.
    /// </summary>
    public static IReadOnlyList<DemoSeason> Seasons { get; } =
    [
        new(Titles[2].Id, 1, new DateOnly(2008, 1, 20), 7),
        new(Titles[2].Id, 2, new DateOnly(2009, 3, 8), 13),
        new(Titles[2].Id, 3, new DateOnly(2010, 3, 21), 13),
        new(Titles[2].Id, 4, new DateOnly(2011, 7, 17), 13),
        new(Titles[2].Id, 5, new DateOnly(2012, 7, 15), 16),
    ];

    /// <summary>
    /// Viewings: of a movie (no season), or of every episode up to (season, episode), one evening after another from
    /// the first time. Alice is in season 3 of Breaking Bad, Chloe has watched all of it.
    /// </summary>
    public static IReadOnlyList<DemoProgress> Progress { get; } =
    [
        new(Users[0].Id, Titles[0].Id, null, null, new DateTimeOffset(2025, 11, 7, 20, 30, 0, TimeSpan.Zero)),
        new(Users[0].Id, Titles[2].Id, 3, 3, new DateTimeOffset(2025, 9, 1, 21, 0, 0, TimeSpan.Zero)),
        new(Users[1].Id, Titles[1].Id, null, null, new DateTimeOffset(2025, 10, 12, 19, 0, 0, TimeSpan.Zero)),
        new(Users[2].Id, Titles[2].Id, 5, 16, new DateTimeOffset(2025, 3, 1, 20, 0, 0, TimeSpan.Zero)),
    ];

    public static DemoFamily Family { get; } = new(
        "cseedfamily00000000000001",
        "Moreno Movie Night",
        Users[0].Id,
        [
            new("cseedmember00000000000001", Users[0].Id, FamilyRole.Admin),
            new("cseedmember00000000000002", Users[1].Id, FamilyRole.Member),
        ]);

    /// <summary>A pending invitation to someone without an account yet.</summary>
    public static DemoInvitation Invitation { get; } = new("cseedinvite00000000000001", "dana@infocus.dev", Users[0].Id);

    public static IReadOnlyList<DemoRecommendation> Recommendations { get; } =
    [
        new("cseedrecommend00000000001", Titles[2].Id, Users[0].Id, Users[1].Id, "You will love Walter White. Start tonight!", RecommendationStatus.Pending),
        new("cseedrecommend00000000002", Titles[1].Id, Users[1].Id, Users[0].Id, "A classic. Put it on the list.", RecommendationStatus.Accepted),
    ];

    /// <summary>One signed-in device per user; its refresh token's raw value is discarded, only the hash is stored.</summary>
    public static IReadOnlyList<DemoSession> Sessions { get; } =
    [
        new("cseedsession0000000000001", "cseedrefresh0000000000001", Users[0].Id, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) InFocus/1.0"),
        new("cseedsession0000000000002", "cseedrefresh0000000000002", Users[1].Id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"),
        new("cseedsession0000000000003", "cseedrefresh0000000000003", Users[2].Id, "InFocus-Android/1.0"),
    ];
}

/// <summary>A demo account: its region and the streaming services it pays for (TMDB provider ids) make Tonight answer.</summary>
public sealed record DemoUser(string Id, string Email, string Name, string Bio, string Preferences, string Region, IReadOnlyList<int> Services);

public sealed record DemoTitle(
    string Id,
    int TmdbId,
    MediaType Type,
    string Title,
    string Description,
    string PosterPath,
    string BackdropPath,
    DateOnly ReleaseDate,
    decimal Rating,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Creators,
    string WatchUrl,
    IReadOnlyList<DemoProvider> Providers);

public sealed record DemoProvider(int TmdbProviderId, string Name, StreamingOfferType OfferType, string LogoPath, IReadOnlyList<string> Regions);

public sealed record DemoWatchlistEntry(string Id, string UserId, string MediaItemId, WatchStatus Status, int? Rating, string? Notes);

public sealed record DemoSeason(string MediaItemId, int Number, DateOnly FirstAirDate, int EpisodeCount);

public sealed record DemoProgress(string UserId, string MediaItemId, int? UpToSeason, int? UpToEpisode, DateTimeOffset FirstWatchedAt);

public sealed record DemoFamily(string Id, string Name, string CreatedById, IReadOnlyList<DemoMember> Members);

public sealed record DemoMember(string Id, string UserId, FamilyRole Role);

public sealed record DemoInvitation(string Id, string Email, string InvitedById);

public sealed record DemoRecommendation(string Id, string MediaItemId, string FromUserId, string ToUserId, string Message, RecommendationStatus Status);

public sealed record DemoSession(string Id, string RefreshTokenId, string UserId, string UserAgent);
