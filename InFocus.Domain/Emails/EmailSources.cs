namespace InFocus.Domain.Emails;

/// <summary>The registered <see cref="IEmailSource"/>s by kind (each feature registers its own).</summary>
public sealed class EmailSources(IEnumerable<IEmailSource> sources)
{
    private readonly Dictionary<EmailKind, IEmailSource> _byKind = sources.ToDictionary(s => s.Kind);

    public IEnumerable<IEmailSource> All => _byKind.Values;

    public IEmailSource For(EmailKind kind) =>
        _byKind.TryGetValue(kind, out var source) ? source : throw new InvalidOperationException($"No email source handles {kind} emails.");
}
