using InFocus.Domain.Imports;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

/// <summary>
/// Processes a queued import (<see cref="ImportProcessor"/>): in bounded batches, within the TMDB rate limit, handing
/// over to a new message when its time budget is spent. A run that fails is retried by the host (maxDequeueCount),
/// and continues with the rows still pending.
/// </summary>
public sealed class ProcessImportFunction(ImportProcessor processor)
{
    public const string Name = "ProcessImport";

    [Function(Name)]
    public Task RunAsync(
        [QueueTrigger("%ImportQueue%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        processor.RunAsync(message, cancellationToken);
}
