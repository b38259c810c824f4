using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Tonight;

/// <summary>Query of <c>GET /api/families/{id}/tonight</c>, as received.</summary>
public sealed record TonightQuery(string? Members, string? Type, string? MaxRuntime, string? Offer, string? Limit);

/// <summary>
/// Tonight's suggestions for the members present: the family's region, who is counted, and the titles ranked best
/// first. A ranked top list (at most <see cref="TonightService.MaxLimit"/>), not a list to page through.
/// </summary>
public sealed record TonightResponse(string Region, IReadOnlyList<TonightMember> Members, IReadOnlyList<TonightSuggestion> Items);

/// <summary>A family member, by id and name.</summary>
public sealed record TonightMember(string UserId, string Name);

/// <summary>
/// One suggestion and why: who of those present want it (on their watchlist, not completed), how many of them
/// accepted a recommendation of it, for whom of them a show is in progress and their next episode, where it streams in the family's region and through whose subscription, and its
/// runtime (minutes; a show's typical episode) and TMDB popularity.
/// </summary>
public sealed record TonightSuggestion(
    MediaSummary Media,
    int? Runtime,
    decimal? Popularity,
    IReadOnlyList<TonightMember> WantedBy,
    int AcceptedRecommendations,
    IReadOnlyList<TonightProgress> InProgressFor,
    IReadOnlyList<TonightOffer> AvailableOn);

/// <summary>A present member for whom the show is in progress, and the episode they watch next (as up next has it).</summary>
public sealed record TonightProgress(string UserId, string Name, NextEpisodeResponse NextEpisode);

/// <summary>A way to watch a suggestion: the provider and kind of offer, and the present members who have that service.</summary>
public sealed record TonightOffer(int ProviderId, string Provider, StreamingOfferType OfferType, string? LogoUrl, IReadOnlyList<TonightMember> Through);

/// <summary>Body of <c>POST /api/families/{id}/tonight/picks</c>: the chosen title and who is watching (all members when absent).</summary>
public sealed record TonightPickRequest(string? MediaItemId, IReadOnlyList<string>? Members);

/// <summary>
/// A recorded pick: the title, who picked it, the members present, those of them who confirmed it by recording a
/// viewing of the title, and when.
/// </summary>
public sealed record TonightPickResponse(
    string Id, MediaSummary Media, TonightMember? PickedBy, IReadOnlyList<TonightMember> Members, IReadOnlyList<TonightMember> ConfirmedBy,
    DateTimeOffset PickedAt);
