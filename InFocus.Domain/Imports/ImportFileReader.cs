using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using InFocus.Domain.Common;

namespace InFocus.Domain.Imports;

/// <summary>
/// Reads an uploaded file (a ZIP, a CSV or a JSON file) as <see cref="ParsedRow"/>s, streaming: a ZIP's entries are
/// read one at a time through a byte budget, a CSV record by record (CsvHelper), a JSON array item by item. Malformed
/// content is a <see cref="ValidationException"/> naming the file, line and column; a ZIP bomb, an entry name that
/// climbs out of the archive or a non-ZIP sent as one are refused before more than the limits is read.
/// </summary>
public sealed class ImportFileReader(ImportOptions options)
{
    public const string Zip = "application/zip";
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    public static IReadOnlyList<string> ContentTypes { get; } = [Zip, Csv, Json];

    /// <summary>The rows of <paramref name="file"/> (seekable) in file order.</summary>
    public async IAsyncEnumerable<ParsedRow> ReadAsync(
        ImportSource source, Stream file, string contentType, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (contentType == Zip)
        {
            await foreach (var row in ReadZipAsync(source, file, cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        await foreach (var row in ReadEntryAsync(source, fileName, file, cancellationToken))
        {
            yield return row;
        }
    }

    private async IAsyncEnumerable<ParsedRow> ReadZipAsync(ImportSource source, Stream file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw MalformedFile.Whole("is not a ZIP archive (Content-Type: application/zip).");
        }

        using (archive)
        {
            if (archive.Entries.Count > options.MaxZipEntries)
            {
                throw MalformedFile.Whole($"The ZIP archive has more than {options.MaxZipEntries} entries.");
            }

            foreach (var entry in archive.Entries)
            {
                CheckEntryName(entry.FullName);
            }

            var budget = new ByteBudget(options.MaxUncompressedBytes);
            foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0 && ImportFormats.Wants(source, e.FullName)).OrderBy(e => ImportFormats.Order(e.FullName)))
            {
                if (entry.Length > budget.Remaining)
                {
                    throw MalformedFile.Whole($"{entry.FullName} is larger than the {options.MaxUncompressedBytes} bytes an import may unpack.");
                }

                Stream content;
                try
                {
                    content = entry.Open();
                }
                catch (InvalidDataException)
                {
                    throw MalformedFile.Whole($"{entry.FullName} cannot be read from the ZIP archive.");
                }

                await using (content)
                {
                    await using var limited = new BudgetStream(content, budget, entry.FullName);
                    await foreach (var row in ReadEntryAsync(source, entry.FullName, limited, cancellationToken))
                    {
                        yield return row;
                    }
                }
            }
        }
    }

    /// <summary>Entry names stay inside the archive: no absolute paths, drive letters or <c>..</c> segments.</summary>
    private static void CheckEntryName(string name)
    {
        var segments = name.Split('/', '\\');
        if (name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal)
            || segments.Any(s => s == "..") || name.Contains('\0', StringComparison.Ordinal))
        {
            throw MalformedFile.Whole($"The ZIP entry name '{Truncate(name)}' points outside the archive.");
        }
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];

    private async IAsyncEnumerable<ParsedRow> ReadEntryAsync(
        ImportSource source, string name, Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fileName = Truncate(name);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || (source is ImportSource.Trakt or ImportSource.Infocus && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            var line = 0;
            await foreach (var item in ReadJsonArrayAsync(fileName, content, cancellationToken))
            {
                line++;
                var row = ImportFormats.FromJson(source, fileName, line, item);
                if (row is not null)
                {
                    yield return row;
                }
            }

            yield break;
        }

        foreach (var row in ReadCsv(source, fileName, content))
        {
            yield return row;
        }
    }

    private static async IAsyncEnumerable<JsonElement> ReadJsonArrayAsync(string file, Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, topLevelValues: false, cancellationToken: cancellationToken);
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (JsonException e)
            {
                throw MalformedFile.At(file, (int)(e.LineNumber ?? 0) + 1, (int?)(e.BytePositionInLine + 1), "is not a JSON array of objects.");
            }

            yield return enumerator.Current;
        }
    }

    private static IEnumerable<ParsedRow> ReadCsv(ImportSource source, string file, Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = false,
            MaxFieldSize = ImportLimits.CellChars * 4,
            BadDataFound = null,
        };
        using var parser = new CsvParser(reader, configuration);
        CsvLayout? layout = null;
        var lastLine = 0;
        while (true)
        {
            bool read;
            try
            {
                read = parser.Read();
            }
            catch (CsvHelperException e)
            {
                throw MalformedFile.At(file, lastLine + 1, null, e is MaxFieldSizeException ? "a value is too long." : "is not valid CSV.");
            }

            if (!read)
            {
                break;
            }

            var line = lastLine + 1;
            lastLine = parser.RawRow;
            var fields = parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (layout is null || !layout.ReadsRows)
            {
                // Before the rows: a header, or a list file's banner and metadata.
                layout = CsvLayout.Detect(source, file, fields) ?? layout
                    ?? throw MalformedFile.At(file, line, 1, $"has no header this importer knows ({ImportFormats.Expected(source)}).");
                continue;
            }

            if (fields.Length < layout.Columns.Count)
            {
                throw MalformedFile.At(file, line, fields.Length + 1, $"the row has {fields.Length} values, the header {layout.Columns.Count}.");
            }

            var values = new Dictionary<string, string>(layout.Columns.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                values[layout.Columns[i]] = fields[i].Length <= ImportLimits.CellChars ? fields[i] : fields[i][..ImportLimits.CellChars];
            }

            var row = ImportFormats.FromCsv(layout, file, line, values);
            if (row is not null)
            {
                yield return row;
            }
        }

        if (layout is null)
        {
            throw MalformedFile.At(file, 1, 1, $"has no header this importer knows ({ImportFormats.Expected(source)}).");
        }
    }

    /// <summary>What may still be unpacked from one archive.</summary>
    private sealed class ByteBudget(long bytes)
    {
        public long Remaining { get; private set; } = bytes;

        public bool Take(long count)
        {
            Remaining -= count;
            return Remaining >= 0;
        }
    }

    /// <summary>An entry's content that stops the import when the archive's budget is spent, whatever the entry claimed its size was.</summary>
    private sealed class BudgetStream(Stream inner, ByteBudget budget, string name) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (InvalidDataException)
            {
                throw Corrupt();
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (InvalidDataException)
            {
                throw Corrupt();
            }
        }

        private Common.ValidationException Corrupt() => MalformedFile.Whole($"{name} cannot be read from the ZIP archive (it is damaged).");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            if (!budget.Take(read))
            {
                throw MalformedFile.Whole($"{name} unpacks to more than an import may (a ZIP bomb?); nothing was imported.");
            }

            return read;
        }
    }
}
