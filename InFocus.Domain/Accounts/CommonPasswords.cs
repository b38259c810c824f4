using System.Collections.Frozen;

namespace InFocus.Domain.Accounts;

/// <summary>The 10,000 most common passwords (Data/common-passwords.txt, see Data/README.md), compared ignoring case.</summary>
internal static class CommonPasswords
{
    private const string Resource = "InFocus.Domain.Accounts.Data.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
