using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Availability;

/// <summary>
/// The <c>offer</c> query value of the availability filters: comma-separated offer types
/// (<c>subscription,free,ads,rent,buy</c>); by default what costs nothing more than the services one has.
/// </summary>
public static class OfferFilter
{
    public static readonly IReadOnlyList<StreamingOfferType> Default =
        [StreamingOfferType.Subscription, StreamingOfferType.Free, StreamingOfferType.Ads];

    public static List<StreamingOfferType> Parse(string? value, Validation validation)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [.. Default];
        }

        var offers = new List<StreamingOfferType>();
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!SnakeCaseEnum<StreamingOfferType>.TryParse(name, out var offer))
            {
                validation.Add("offer", $"must be a comma-separated list of {string.Join(", ", SnakeCaseEnum<StreamingOfferType>.AllNames)}.");
                return [];
            }

            if (!offers.Contains(offer))
            {
                offers.Add(offer);
            }
        }

        offers.Sort();
        return offers;
    }

    /// <summary>The offers as written in the cursor kind, so a cursor cannot be replayed under another filter.</summary>
    public static string KindOf(IEnumerable<StreamingOfferType> offers) =>
        string.Join('+', offers.Select(SnakeCaseEnum<StreamingOfferType>.ToName));
}
