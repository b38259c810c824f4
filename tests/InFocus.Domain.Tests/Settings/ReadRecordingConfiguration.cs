using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace InFocus.Domain.Tests.Settings;

/// <summary>
/// Configuration that remembers the path of every value read through it, by key or by binding a section to options
/// (sections it hands out record into the same set), so a test can list the settings the code reads.
/// </summary>
internal class ReadRecordingConfiguration : IConfiguration
{
    private readonly IConfiguration _inner;
    private readonly ConcurrentDictionary<string, bool> _reads;

    public ReadRecordingConfiguration(IConfiguration inner)
        : this(inner, new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase))
    {
    }

    private ReadRecordingConfiguration(IConfiguration inner, ConcurrentDictionary<string, bool> reads)
    {
        _inner = inner;
        _reads = reads;
    }

    /// <summary>The configuration paths (<c>Email:Smtp:Host</c>) whose values were read.</summary>
    public IReadOnlyCollection<string> ReadPaths => _reads.Keys.ToList();

    public string? this[string key]
    {
        get
        {
            Record(_inner is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, key) : key);
            return _inner[key];
        }

        set => _inner[key] = value;
    }

    public IConfigurationSection GetSection(string key) => new Section(_inner.GetSection(key), _reads);

    public IEnumerable<IConfigurationSection> GetChildren() => _inner.GetChildren().Select(child => new Section(child, _reads));

    public IChangeToken GetReloadToken() => _inner.GetReloadToken();

    private void Record(string path) => _reads[path] = true;

    private sealed class Section(IConfigurationSection inner, ConcurrentDictionary<string, bool> reads)
        : ReadRecordingConfiguration(inner, reads), IConfigurationSection
    {
        public string Key => inner.Key;

        public string Path => inner.Path;

        public string? Value
        {
            get
            {
                Record(inner.Path);
                return inner.Value;
            }

            set => inner.Value = value;
        }
    }
}
