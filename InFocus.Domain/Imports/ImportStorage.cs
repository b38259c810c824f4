using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Imports;

/// <summary>
/// Where imports live outside the database: the uploaded files in the blob container <see cref="ImportOptions.Container"/>
/// and the processing messages on the queue <c>ImportQueue</c> (created on first use, like the email queue).
/// </summary>
public sealed class ImportStorage(BlobServiceClient blobs, QueueServiceClient queues, IOptions<ImportOptions> options)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(options.Value.Container);
    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.QueueName);
    private volatile bool _containerExists;
    private volatile bool _queueExists;

    public async Task UploadAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }

        await _container.GetBlobClient(blobName).UploadAsync(content, overwrite: true, cancellationToken);
    }

    /// <summary>Downloads the file into <paramref name="destination"/> (a temporary file: ZIPs need to seek).</summary>
    public async Task DownloadAsync(string blobName, Stream destination, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(blobName).DownloadToAsync(destination, cancellationToken);

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container is gone too: nothing to delete.
        }
    }

    /// <summary>Asks for the import to be processed (again), after <paramref name="delay"/> when given.</summary>
    public async Task EnqueueAsync(string importId, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        if (!_queueExists)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _queueExists = true;
        }

        await _queue.SendMessageAsync(ImportMessage.ToJson(importId), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}

/// <summary>The queue message: <c>{"importId": "..."}</c>.</summary>
public sealed record ImportMessage(string? ImportId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(string importId) => JsonSerializer.Serialize(new ImportMessage(importId), Json);

    /// <summary>The import id of a message, or null for a message that is not one of ours.</summary>
    public static string? Parse(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<ImportMessage>(message, Json)?.ImportId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
