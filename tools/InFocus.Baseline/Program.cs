using InFocus.Baseline;
using Npgsql;

// The framework baseline of the benchmark (docs/performance.md): the SQL InFocus runs for its light reads, served by a
// bare ASP.NET Core minimal API on raw Npgsql, no request logging. scripts/benchmark.sh runs it beside InFocus.
var options = BaselineOptions.Parse(args);
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// No session reset when a connection goes back to the pool, as InFocus's data source (DatabaseServiceCollectionExtensions).
var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxAutoPrepare = options.AutoPrepare ? 20 : 0, NoResetOnClose = true };
builder.Services.AddSingleton(NpgsqlDataSource.Create(connection));
builder.Services.AddSingleton(options);
builder.Services.AddSingleton<AccessTokenCheck>();
var app = builder.Build();
BaselineEndpoints.Map(app);
app.Run();
