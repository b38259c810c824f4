namespace InFocus.Domain.Imports;

/// <summary>Imports' limits and pacing (app settings <c>Imports__*</c>); the queue name is <c>ImportQueue</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";
    public const string QueueSetting = "ImportQueue";
    public const string DefaultQueueName = "imports";

    /// <summary>The largest body <c>POST /api/imports</c> accepts (413 beyond).</summary>
    public int MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The most rows one file may have (400 beyond).</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The most bytes read out of a ZIP, all entries together (a ZIP bomb is refused at this point).</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most entries a ZIP may have.</summary>
    public int MaxZipEntries { get; set; } = 1_000;

    /// <summary>Rows per batch: one transaction and a fixed number of statements each.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>TMDB lookups of a batch in flight at once (the shared TMDB rate limiter sets the pace).</summary>
    public int LookupParallelism { get; set; } = 8;

    /// <summary>How long one run of the queue function works before it hands over to a new message.</summary>
    public TimeSpan RunTimeBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A run's claim on its import; a run that died is taken over once it expires.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs in a row an import may take without moving on (a crash, a failure the host retried, a poison message the
    /// sweep sent again) before it ends as <c>failed</c>. Equal to the host's <c>maxDequeueCount</c> (host.json): once
    /// the host gave up on a message (poison queue), the sweep's message fails the import.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    public int PerUserPerDay { get; set; } = 10;

    public int AppPerHour { get; set; } = 200;

    /// <summary>The blob container of uploaded files.</summary>
    public string Container { get; set; } = "imports";

    /// <summary>The queue of import messages: the app setting <c>ImportQueue</c>, not a member of this section.</summary>
    public string QueueName => _queueName;

    private string _queueName = DefaultQueueName;

    internal void UseQueue(string name) => _queueName = name;
}
