using InFocus.Domain.Common;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// bcrypt with the configured work factor. Verifying always runs one bcrypt computation, against a dummy hash when
/// there is no account, so a wrong email and a wrong password take the same time.
/// </summary>
public sealed class PasswordHasher
{
    private readonly int _workFactor;

    // Made when the hasher is first resolved, which every sign-in does, so its cost never marks one kind of attempt.
    private readonly string _dummyHash;

    public PasswordHasher(IOptions<AuthOptions> options)
    {
        _workFactor = options.Value.BcryptWorkFactor;
        _dummyHash = BCrypt.Net.BCrypt.HashPassword(SecureToken.Generate(), _workFactor);
    }

    /// <summary>Hashes a password that passed <see cref="PasswordPolicy"/>.</summary>
    public string Hash(string password)
    {
        if (!PasswordPolicy.FitsBcrypt(password))
        {
            throw new ArgumentException("The password exceeds bcrypt's 72-byte input.", nameof(password));
        }

        return BCrypt.Net.BCrypt.HashPassword(password, _workFactor);
    }

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="hash"/>; false for a missing hash (unknown
    /// account) or a password too long to have been set, each after the same bcrypt work.
    /// </summary>
    public bool Verify(string password, string? hash)
    {
        var fits = PasswordPolicy.FitsBcrypt(password);
        var matches = BCrypt.Net.BCrypt.Verify(fits ? password : "", hash ?? _dummyHash);
        return matches && fits && hash is not null;
    }

    /// <summary>True when the hash was made with a lower work factor than the configured one (upgraded at sign-in).</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, _workFactor);
}
