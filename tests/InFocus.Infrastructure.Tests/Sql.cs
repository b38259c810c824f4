using Npgsql;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>Short ways to run a statement on the local test server.</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    public static async Task<List<string>> ListAsync(NpgsqlConnectionStringBuilder target, string sql)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        return await ListAsync(connection, sql);
    }

    /// <summary>The one value the statement returns, as text.</summary>
    public static async Task<string> ScalarAsync(NpgsqlConnectionStringBuilder target, string sql) =>
        Assert.Single(await ListAsync(target, sql));
}
