using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InFocus.DevHost.Logging;

/// <summary>
/// Console lines like the simple formatter's, with each scope written as its <c>Key=Value</c> pairs (the function
/// scopes InFocus opens are dictionaries, which the simple formatter prints as a type name).
/// </summary>
public sealed class ScopedConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "infocus";
    private const string Indent = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } timestamp)
        {
            textWriter.Write(DateTimeOffset.Now.ToString(timestamp, CultureInfo.InvariantCulture));
        }

        textWriter.Write($"{Level(logEntry.LogLevel)}: {logEntry.Category}");
        if (settings.IncludeScopes)
        {
            scopeProvider?.ForEachScope(WriteScope, textWriter);
        }

        textWriter.WriteLine();
        textWriter.WriteLine(Indent + message.ReplaceLineEndings(Environment.NewLine + Indent));
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(Indent + exception.ToString().ReplaceLineEndings(Environment.NewLine + Indent));
        }
    }

    private static void WriteScope(object? scope, TextWriter writer)
    {
        writer.Write(" => ");
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            writer.Write(string.Join(' ', pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}")));
        }
        else if (scope is IEnumerable<KeyValuePair<string, object>> values)
        {
            writer.Write(string.Join(' ', values.Select(p => $"{p.Key}={p.Value}")));
        }
        else
        {
            writer.Write(scope);
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
