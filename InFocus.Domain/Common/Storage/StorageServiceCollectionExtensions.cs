using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Common.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="QueueServiceClient"/> for the function app's storage account. Messages are base64,
    /// the encoding host.json declares for queue triggers.
    /// </summary>
    public static IServiceCollection AddInFocusStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.ConnectionSetting);
        var options = new StorageOptions
        {
            ConnectionString = section.Value,
            AccountName = section["accountName"],
            QueueServiceUri = section["queueServiceUri"],
            BlobServiceUri = section["blobServiceUri"],
        };
        services.AddSingleton(options);
        services.AddSingleton(_ => CreateQueueServiceClient(options));
        services.AddSingleton(_ => CreateBlobServiceClient(options));
        return services;
    }

    public static QueueServiceClient CreateQueueServiceClient(StorageOptions options)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new QueueServiceClient(options.ConnectionString, clientOptions);
        }

        var uri = options.QueueServiceUri
            ?? (options.AccountName is { Length: > 0 } name ? $"https://{name}.queue.core.windows.net" : null)
            ?? throw new InvalidOperationException(
                $"Storage is not configured: set {StorageOptions.ConnectionSetting} (a connection string) or {StorageOptions.ConnectionSetting}__accountName.");
        return new QueueServiceClient(new Uri(uri), new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>A <see cref="BlobServiceClient"/> for the same account (uploaded import files).</summary>
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        var uri = options.BlobServiceUri
            ?? (options.AccountName is { Length: > 0 } name ? $"https://{name}.blob.core.windows.net" : null)
            ?? throw new InvalidOperationException(
                $"Storage is not configured: set {StorageOptions.ConnectionSetting} (a connection string) or {StorageOptions.ConnectionSetting}__accountName.");
        return new BlobServiceClient(new Uri(uri), new DefaultAzureCredential());
    }
}
