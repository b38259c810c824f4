using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InFocus.TestKit;

/// <summary>
/// Counts the SQL statements EF sends, so tests can prove an endpoint's query count does not grow with data, and keeps
/// the statements' text since the last <see cref="Reset"/>, so tests can EXPLAIN them.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedQuery> _queries = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The statements since the last reset, in order, with their parameters.</summary>
    public IReadOnlyList<CapturedQuery> Queries => [.. _queries];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _queries.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Capture(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _queries.Enqueue(new CapturedQuery(
            command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
    }
}

/// <summary>A query EF sent: its text and its parameters' names and values.</summary>
public sealed record CapturedQuery(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);
