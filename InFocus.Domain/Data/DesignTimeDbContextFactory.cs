using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InFocus.Domain.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the model (migrations add / script) without starting a host. Commands that touch a
/// database use <c>INFOCUS_DATABASE</c>, else the local development database of scripts/services.sh.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InFocusDbContext>
{
    private const string LocalDatabase = "Host=127.0.0.1;Port=55432;Database=infocus;Username=infocus;Password=infocus-local";

    public InFocusDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("INFOCUS_DATABASE") ?? LocalDatabase;
        var dataSource = DatabaseServiceCollectionExtensions.CreateDataSource(new DatabaseOptions { ConnectionString = connectionString });
        var options = new DbContextOptionsBuilder<InFocusDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, dataSource);
        return new InFocusDbContext(options.Options);
    }
}
