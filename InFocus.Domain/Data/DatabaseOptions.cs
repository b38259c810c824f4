using System.ComponentModel.DataAnnotations;

namespace InFocus.Domain.Data;

/// <summary>Settings under <c>Database</c> (app settings <c>Database__ConnectionString</c>, ...).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Npgsql connection string. With Entra authentication it carries no password.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Sign in to Azure Database for PostgreSQL with a Microsoft Entra token of the app's managed identity
    /// instead of a password.
    /// </summary>
    public bool UseEntraAuthentication { get; set; }
}
