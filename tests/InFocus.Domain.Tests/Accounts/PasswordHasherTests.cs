using System.Diagnostics;
using InFocus.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Tests.Accounts;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = Hasher(workFactor: 4);

    [Fact]
    public void A_hash_is_bcrypt_with_the_configured_work_factor_and_verifies_only_its_password()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.StartsWith("$2", hash, StringComparison.Ordinal);
        Assert.Equal("04", hash.Split('$')[2]);
        Assert.True(_hasher.Verify("correct horse battery staple", hash));
        Assert.False(_hasher.Verify("correct horse battery stapler", hash));
    }

    [Fact]
    public void A_longer_password_whose_first_72_bytes_match_is_not_accepted()
    {
        var password = new string('p', 72);
        var hash = _hasher.Hash(password);

        Assert.True(_hasher.Verify(password, hash));
        Assert.False(_hasher.Verify(password + "anything", hash));
    }

    [Fact]
    public void Hashing_a_password_over_72_bytes_is_refused() =>
        Assert.Throws<ArgumentException>(() => _hasher.Hash(new string('p', 73)));

    [Fact]
    public void Without_a_stored_hash_verification_fails() => Assert.False(_hasher.Verify("correct horse battery staple", null));

    [Fact]
    public void Verifying_against_no_account_costs_as_much_as_against_an_account()
    {
        // Work factor 8 takes milliseconds; a missing dummy hash would make the unknown-account case near-instant.
        var hasher = Hasher(workFactor: 8);
        var hash = hasher.Hash("correct horse battery staple");

        var known = double.MaxValue;
        var unknown = double.MaxValue;
        for (var i = 0; i < 9; i++)
        {
            // Interleaved, and the fastest of each kept: the least disturbed by other work on a shared machine.
            known = Math.Min(known, Time(() => hasher.Verify("wrong password here", hash)));
            unknown = Math.Min(unknown, Time(() => hasher.Verify("wrong password here", null)));
        }

        Assert.True(unknown > known * 0.25, $"unknown account took {unknown} ms, known {known} ms");
    }

    [Fact]
    public void Hashes_made_with_a_lower_work_factor_need_rehashing()
    {
        var old = _hasher.Hash("correct horse battery staple");

        Assert.True(Hasher(workFactor: 5).NeedsRehash(old));
        Assert.False(_hasher.NeedsRehash(old));
    }

    private static PasswordHasher Hasher(int workFactor) =>
        new(Options.Create(new AuthOptions { BcryptWorkFactor = workFactor, AllowWeakBcryptWorkFactorForTests = true }));

    private static double Time(Func<bool> verify)
    {
        var started = Stopwatch.GetTimestamp();
        verify();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
