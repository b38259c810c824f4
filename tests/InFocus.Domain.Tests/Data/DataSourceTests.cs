using InFocus.Domain.Data;
using Npgsql;

namespace InFocus.Domain.Tests.Data;

/// <summary>The connection settings InFocus adds to a connection string that does not set them, and keeps when it does.</summary>
public sealed class DataSourceTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Database=infocus;Username=infocus";

    [Fact]
    public void A_connection_string_without_them_gets_auto_prepare_and_no_session_reset()
    {
        using var dataSource = DatabaseServiceCollectionExtensions.CreateDataSource(new DatabaseOptions { ConnectionString = Server });

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(DatabaseServiceCollectionExtensions.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    public void Settings_the_connection_string_makes_are_kept(string settingsGiven)
    {
        using var dataSource = DatabaseServiceCollectionExtensions.CreateDataSource(new DatabaseOptions { ConnectionString = $"{Server};{settingsGiven}" });

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
