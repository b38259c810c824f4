using InFocus.Domain;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InFocus.TestKit;

/// <summary>
/// One migrated database per test class and the domain's services wired exactly as the app wires them
/// (<c>AddInFocus</c>), with a controllable clock and a SQL statement counter. Use as <c>IClassFixture&lt;DomainFixture&gt;</c>.
/// </summary>
public class DomainFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public string DatabaseName { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public SqlStatementCounter Statements { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public virtual async Task InitializeAsync()
    {
        DatabaseName = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        ConnectionString = TestPostgres.ConnectionStringFor(DatabaseName);
        var configuration = TestSettings.Build(Settings());
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        // As the development host: the sample settings' signing key is accepted only in Development.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton<IInterceptor>(Statements);
        services.AddInFocus(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (DatabaseName.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(DatabaseName);
        }
    }

    /// <summary>Settings on top of the sample; override to add more (keep the base ones).</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Database__ConnectionString"] = ConnectionString,
        ["AzureWebJobsStorage"] = TestEnvironment.Storage,
        ["Auth__BcryptWorkFactor"] = "4",
        ["Auth__AllowWeakBcryptWorkFactorForTests"] = "true",
    };

    /// <summary>A new DI scope, as one request or one function invocation gets.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> with a fresh scope's service, like a separate request would.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <inheritdoc cref="WithAsync{TService,TResult}"/>
    public async Task WithAsync<TService>(Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs <paramref name="work"/> against a fresh <see cref="InFocusDbContext"/>.</summary>
    public Task<TResult> DbAsync<TResult>(Func<InFocusDbContext, Task<TResult>> work) => WithAsync(work);

    /// <inheritdoc cref="DbAsync{TResult}"/>
    public Task DbAsync(Func<InFocusDbContext, Task> work) => WithAsync(work);

    /// <summary>The lines of PostgreSQL's plan for a statement <see cref="Statements"/> captured, with its parameters.</summary>
    public Task<List<string>> ExplainAsync(CapturedQuery query) => DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + query.Text;
        foreach (var (name, value) in query.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    });
}
