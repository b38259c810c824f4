namespace InFocus.Domain.Webhooks;

/// <summary>Webhooks' limits, pacing and retries (app settings <c>Webhooks__*</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The most webhooks one user may have (400 beyond).</summary>
    public int MaxPerUser { get; set; } = 10;

    /// <summary>Webhooks one user may create per day (429 beyond).</summary>
    public int CreatesPerUserPerDay { get; set; } = 20;

    /// <summary>Webhooks everyone together may create per hour (429 beyond).</summary>
    public int CreatesAppPerHour { get; set; } = 1_000;

    /// <summary>Deliveries one run of the delivery function claims at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries of a batch in flight at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long one attempt may take, connecting and reading the response headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A worker's claim on a batch; longer than a batch can take, so only a worker that died loses it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one run of the delivery function claims new batches.</summary>
    public TimeSpan RunTimeBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts of one delivery before it is given up (failed).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry; each further retry waits twice as long, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Failed attempts in a row (across deliveries) that disable a webhook.</summary>
    public int DisableAfterFailures { get; set; } = 15;
}
