using InFocus.Domain.Common;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// bcrypt with the configured work factor. Verifying always runs one bcrypt computation, against a dummy hash when
/// there is no account, so a wrong email and a wrong password take the same time.
/// <para>
/// bcrypt is deliberately slow CPU work (about a quarter of a second at cost 12), so it is bounded per instance: at most
/// <see cref="AuthOptions.EffectivePasswordHashingConcurrency"/> computations run at once (half the cores by default),
/// and a call that finds them all busy for <see cref="AuthOptions.PasswordHashingMaxWait"/> is refused with 503 and
/// <c>Retry-After</c> instead of queueing without limit. So a burst of sign-ins cannot starve every other request.
/// </para>
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly int _workFactor;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _maxWait;

    // Made when the hasher is first resolved, which every sign-in does, so its cost never marks one kind of attempt.
    private readonly string _dummyHash;

    public PasswordHasher(IOptions<AuthOptions> options)
    {
        _workFactor = options.Value.BcryptWorkFactor;
        _slots = new SemaphoreSlim(options.Value.EffectivePasswordHashingConcurrency);
        _maxWait = options.Value.PasswordHashingMaxWait;
        _dummyHash = BCrypt.Net.BCrypt.HashPassword(SecureToken.Generate(), _workFactor);
    }

    /// <summary>Hashes a password that passed <see cref="PasswordPolicy"/>.</summary>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        if (!PasswordPolicy.FitsBcrypt(password))
        {
            throw new ArgumentException("The password exceeds bcrypt's 72-byte input.", nameof(password));
        }

        return RunAsync(() => BCrypt.Net.BCrypt.HashPassword(password, _workFactor), cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="hash"/>; false for a missing hash (unknown
    /// account) or a password too long to have been set, each after the same bcrypt work.
    /// </summary>
    public Task<bool> VerifyAsync(string password, string? hash, CancellationToken cancellationToken)
    {
        var fits = PasswordPolicy.FitsBcrypt(password);
        return RunAsync(() => BCrypt.Net.BCrypt.Verify(fits ? password : "", hash ?? _dummyHash) && fits && hash is not null, cancellationToken);
    }

    /// <summary>True when the hash was made with a lower work factor than the configured one (upgraded at sign-in).</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, _workFactor);

    public void Dispose() => _slots.Dispose();

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_maxWait, cancellationToken))
        {
            throw new DependencyUnavailableException("Too many password checks are running; try again in a moment.", RetryAfter);
        }

        try
        {
            return work();
        }
        finally
        {
            _slots.Release();
        }
    }
}
