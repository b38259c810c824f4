using Microsoft.Extensions.Configuration;

namespace InFocus.DevHost.Configuration;

/// <summary>
/// <c>extensions.queues</c> of host.json (or its <c>AzureFunctionsJobHost__extensions__queues__*</c> overrides), with
/// the defaults and limits of the Azure Functions storage queue extension.
/// </summary>
public sealed class QueuesHostOptions
{
    public const string Section = HostJson.Section + ":extensions:queues";

    /// <summary>The host's shortest wait between polls of an empty queue.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public string MessageEncoding { get; set; } = "base64";

    public int BatchSize { get; set; } = 16;

    /// <summary>Unset means the host's default: half a batch per processor.</summary>
    public int? NewBatchThreshold { get; set; }

    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    public int MaxDequeueCount { get; set; } = 5;

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2 * Environment.ProcessorCount;

    public bool IsBase64 => MessageEncoding.Equals("base64", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="DevHostStartupException">A value is outside what the host accepts.</exception>
    public static QueuesHostOptions Read(IConfiguration configuration)
    {
        var options = new QueuesHostOptions();
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new DevHostStartupException([$"host.json extensions.queues: {e.Message}"]);
        }

        var errors = options.Validate().Select(e => $"host.json extensions.queues: {e}").ToList();
        return errors.Count == 0 ? options : throw new DevHostStartupException(errors);
    }

    private IEnumerable<string> Validate()
    {
        if (!IsBase64 && !MessageEncoding.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"messageEncoding '{MessageEncoding}' must be 'base64' or 'none'.";
        }

        if (BatchSize is < 1 or > 32)
        {
            yield return $"batchSize {BatchSize} must be between 1 and 32.";
        }

        if (NewBatchThreshold < 0)
        {
            yield return $"newBatchThreshold {NewBatchThreshold} must not be negative.";
        }

        if (MaxPollingInterval < MinPollingInterval)
        {
            yield return $"maxPollingInterval {MaxPollingInterval} must be at least {MinPollingInterval}.";
        }

        if (VisibilityTimeout < TimeSpan.Zero)
        {
            yield return $"visibilityTimeout {VisibilityTimeout} must not be negative.";
        }

        if (MaxDequeueCount < 1)
        {
            yield return $"maxDequeueCount {MaxDequeueCount} must be at least 1.";
        }
    }
}
