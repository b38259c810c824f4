using System.Security.Cryptography;
using System.Text;

namespace InFocus.DevHost.Admin;

/// <summary>The admin API's key for this run of the host (<see cref="DevHostOptions.AdminKey"/>).</summary>
public sealed class AdminApiKey(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>Compared in constant time.</summary>
    public bool Matches(string? presented) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
}
