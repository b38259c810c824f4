namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>Ids for routes and bodies that name nothing: a well-formed one no row has, and malformed ones.</summary>
internal static class UnknownIds
{
    /// <summary>The shape of an id (validation passes it), but no row has it.</summary>
    public const string WellFormed = "c00000000000000000000000a";

    /// <summary>Every kind of id a route must answer 404 for: unknown, malformed, wrong letter case, far too long.</summary>
    public static IReadOnlyList<string> InRoutes { get; } = ["not-an-id", WellFormed, WellFormed.ToUpperInvariant(), new string('c', 300)];
}
