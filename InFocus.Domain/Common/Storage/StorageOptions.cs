namespace InFocus.Domain.Common.Storage;

/// <summary>
/// Where the storage account is, read from the same settings the Functions host uses for
/// <c>AzureWebJobsStorage</c>: a connection string locally (Azurite), an account name with a managed identity in Azure.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public string? ConnectionString { get; init; }

    public string? AccountName { get; init; }

    public string? QueueServiceUri { get; init; }

    public string? BlobServiceUri { get; init; }
}
