using System.Diagnostics;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Tests.Accounts;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = Hasher(workFactor: 4);

    [Fact]
    public async Task A_hash_is_bcrypt_with_the_configured_work_factor_and_verifies_only_its_password()
    {
        var hash = await _hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.StartsWith("$2", hash, StringComparison.Ordinal);
        Assert.Equal("04", hash.Split('$')[2]);
        Assert.True(await _hasher.VerifyAsync("correct horse battery staple", hash, CancellationToken.None));
        Assert.False(await _hasher.VerifyAsync("correct horse battery stapler", hash, CancellationToken.None));
    }

    [Fact]
    public async Task A_longer_password_whose_first_72_bytes_match_is_not_accepted()
    {
        var password = new string('p', 72);
        var hash = await _hasher.HashAsync(password, CancellationToken.None);

        Assert.True(await _hasher.VerifyAsync(password, hash, CancellationToken.None));
        Assert.False(await _hasher.VerifyAsync(password + "anything", hash, CancellationToken.None));
    }

    [Fact]
    public Task Hashing_a_password_over_72_bytes_is_refused() =>
        Assert.ThrowsAsync<ArgumentException>(() => _hasher.HashAsync(new string('p', 73), CancellationToken.None));

    [Fact]
    public async Task Without_a_stored_hash_verification_fails() =>
        Assert.False(await _hasher.VerifyAsync("correct horse battery staple", null, CancellationToken.None));

    [Fact]
    public async Task Verifying_against_no_account_costs_as_much_as_against_an_account()
    {
        // Work factor 8 takes milliseconds; a missing dummy hash would make the unknown-account case near-instant.
        var hasher = Hasher(workFactor: 8);
        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        var known = double.MaxValue;
        var unknown = double.MaxValue;
        for (var i = 0; i < 9; i++)
        {
            // Interleaved, and the fastest of each kept: the least disturbed by other work on a shared machine.
            known = Math.Min(known, Time(() => hasher.VerifyAsync("wrong password here", hash, CancellationToken.None).GetAwaiter().GetResult()));
            unknown = Math.Min(unknown, Time(() => hasher.VerifyAsync("wrong password here", null, CancellationToken.None).GetAwaiter().GetResult()));
        }

        Assert.True(unknown > known * 0.25, $"unknown account took {unknown} ms, known {known} ms");
    }

    [Fact]
    public async Task Hashes_made_with_a_lower_work_factor_need_rehashing()
    {
        var old = await _hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.True(Hasher(workFactor: 5).NeedsRehash(old));
        Assert.False(_hasher.NeedsRehash(old));
    }

    /// <summary>
    /// One bcrypt slot and no waiting: of calls released together, the first to take the slot runs its quarter of a
    /// second of bcrypt while the others arrive, and they are refused with 503 and Retry-After rather than queued.
    /// </summary>
    [Fact]
    public async Task Password_work_beyond_the_slots_is_refused_instead_of_queued()
    {
        using var hasher = new PasswordHasher(Options.Create(new AuthOptions
        {
            BcryptWorkFactor = 12,
            PasswordHashingConcurrency = 1,
            PasswordHashingMaxWaitMilliseconds = 0,
        }));
        using var start = new Barrier(8);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            try
            {
                await hasher.VerifyAsync("correct horse battery staple", null, CancellationToken.None);
                return (TimeSpan?)null;
            }
            catch (DependencyUnavailableException e)
            {
                return e.RetryAfter;
            }
        })));

        Assert.Contains(outcomes, o => o is null);
        Assert.Contains(outcomes, o => o == TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_default_concurrency_is_half_the_cores_and_at_least_one() =>
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), new AuthOptions().EffectivePasswordHashingConcurrency);

    private static PasswordHasher Hasher(int workFactor) =>
        new(Options.Create(new AuthOptions { BcryptWorkFactor = workFactor, AllowWeakBcryptWorkFactorForTests = true }));

    private static double Time(Func<bool> verify)
    {
        var started = Stopwatch.GetTimestamp();
        verify();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
