using System.ComponentModel.DataAnnotations;

namespace InFocus.Domain.Notifications;

/// <summary>Settings of the daily digest (app settings <c>Notifications__Digest__BatchSize</c>, ...).</summary>
public sealed class NotificationDigestOptions
{
    public const string Section = "Notifications:Digest";

    /// <summary>Digests written (and queued) per statement.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Batches one run writes at most; the next scheduled run goes on where it stopped.</summary>
    [Range(1, 10_000)]
    public int MaxBatchesPerRun { get; set; } = 50;

    /// <summary>Notifications one digest lists; more are summed up as "and N more".</summary>
    [Range(1, 100)]
    public int MaxItems { get; set; } = 20;
}
