using System.Buffers;
using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.Serve.Text;
using Extractor.Store;
using Extractor.Store.Queries;
using Parquet;
using Parquet.Schema;

namespace Extractor.Serve.Export;

public sealed record ExportedFile(string Table, string Path, long Rows);

/// <summary>
/// `extractor export`: the whole store as one file per table (documents, sections, tables, rows, cells, facts,
/// checks) in CSV, JSON lines or Parquet. Rows are streamed: memory stays flat whatever the store's size.
/// Money: CSV and JSONL print the exact decimal as stored ("6.18", scale kept; a JSON number in JSONL);
/// Parquet types it DECIMAL(38, 10) (exact for every stored figure with at most 10 decimals — a value with more is
/// rounded and counted in <see cref="RoundedValues"/>). JSON columns (bbox, evidence, columns, warnings) are their JSON
/// text in CSV and Parquet, nested JSON in JSONL, always in one canonical form (compact, object keys in ordinal order),
/// so that a SQLite store and a PostgreSQL one (jsonb keeps its own key order and spacing) export the same bytes.
/// </summary>
public sealed class StoreExporter(ExtractorStore store)
{
    public static readonly string[] Formats = ["csv", "jsonl", "parquet"];
    public const int MoneyPrecision = 38;
    public const int MoneyScale = 10;
    public int RowGroupSize { get; init; } = 50_000;
    public int RoundedValues { get; private set; }

    public IReadOnlyList<ExportedFile> Export(string format, string outDir)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"unknown format {format} (csv, jsonl, parquet)");
        Directory.CreateDirectory(outDir);
        var files = new List<ExportedFile>();
        foreach (var table in ExportQueries.Tables)
        {
            var ext = format == "jsonl" ? "jsonl" : format;
            var path = Path.Combine(outDir, $"{table.Name}.{ext}");
            var tmp = path + ".part";
            long rows;
            using (var reader = store.Read(table))
            {
                rows = format switch
                {
                    "csv" => WriteCsv(table, reader, tmp),
                    "jsonl" => WriteJsonl(table, reader, tmp),
                    _ => WriteParquet(table, reader, tmp).GetAwaiter().GetResult(),
                };
            }
            File.Move(tmp, path, overwrite: true);
            files.Add(new ExportedFile(table.Name, path, rows));
        }
        return files;
    }

    private static long WriteCsv(ExportTable table, IDataReader reader, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        Csv.WriteRow(w, table.Columns.Select(c => c.Name));
        long n = 0;
        var fields = new object?[table.Columns.Count];
        while (reader.Read())
        {
            for (var i = 0; i < fields.Length; i++)
                fields[i] = reader.IsDBNull(i) ? null : table.Columns[i].Type switch
                {
                    ExportType.Integer => reader.GetInt64(i),
                    ExportType.Real => reader.GetDouble(i),
                    ExportType.Money => MoneyText(reader, i),
                    ExportType.Json => CanonicalJson(reader.GetString(i)),
                    _ => Text(reader, i),
                };
            Csv.WriteRow(w, fields);
            n++;
        }
        return n;
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static long WriteJsonl(ExportTable table, IDataReader reader, string path)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(fs, JsonOptions);
        long n = 0;
        while (reader.Read())
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var col = table.Columns[i];
                json.WritePropertyName(col.Name);
                if (reader.IsDBNull(i)) { json.WriteNullValue(); continue; }
                switch (col.Type)
                {
                    case ExportType.Integer: json.WriteNumberValue(reader.GetInt64(i)); break;
                    case ExportType.Real: json.WriteNumberValue(reader.GetDouble(i)); break;
                    case ExportType.Money: json.WriteRawValue(ExactNumber(MoneyText(reader, i)), skipInputValidation: true); break;
                    case ExportType.Json: json.WriteRawValue(CanonicalJson(reader.GetString(i))); break;
                    default: json.WriteStringValue(Text(reader, i)); break;
                }
            }
            json.WriteEndObject();
            json.Flush();
            fs.WriteByte((byte)'\n');
            json.Reset(fs);
            n++;
        }
        return n;
    }

    /// <summary>Money as stored: SQLite's exact decimal text, or PostgreSQL's numeric printed with its scale.</summary>
    private static string MoneyText(IDataReader reader, int i) => reader.GetValue(i) switch
    {
        string text => text,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
    };

    /// <summary>A text column; a PostgreSQL timestamp in the ISO 8601 UTC form SQLite stores.</summary>
    private static string Text(IDataReader reader, int i) => reader.GetValue(i) switch
    {
        string text => text,
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
    };

    /// <summary>JSON text in one form whatever store kept it: compact, object keys in ordinal order, numbers as written.</summary>
    internal static string CanonicalJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var w = new Utf8JsonWriter(buffer, JsonOptions)) Write(w, doc.RootElement);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);

        static void Write(Utf8JsonWriter w, JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    w.WriteStartObject();
                    foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        w.WritePropertyName(p.Name);
                        Write(w, p.Value);
                    }
                    w.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    w.WriteStartArray();
                    foreach (var item in e.EnumerateArray()) Write(w, item);
                    w.WriteEndArray();
                    break;
                default:
                    e.WriteTo(w);
                    break;
            }
        }
    }

    /// <summary>The stored decimal text as a JSON number (validated: the store only writes invariant decimals).</summary>
    private static string ExactNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            ? text : throw new InvalidDataException($"not a decimal: {text}");

    private async Task<long> WriteParquet(ExportTable table, IDataReader reader, string path)
    {
        var fields = table.Columns.Select(c => c.Type switch
        {
            ExportType.Integer => (DataField)new DataField<long?>(c.Name),
            ExportType.Real => new DataField<double?>(c.Name),
            ExportType.Money => new DecimalDataField(c.Name, MoneyPrecision, MoneyScale, false, true),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        await using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(schema, fs, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd });
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["extractor.table"] = table.Name,
            ["extractor.money"] = $"DECIMAL({MoneyPrecision},{MoneyScale}), 万元 for facts, the table's unit for cells",
        };
        var buffers = table.Columns.Select(c => c.Type switch
        {
            ExportType.Integer => (IColumnBuffer)new Buffer<long>(),
            ExportType.Real => new Buffer<double>(),
            ExportType.Money => new Buffer<decimal>(),
            _ => new StringBuffer(),
        }).ToArray();
        long n = 0;
        var pending = 0;
        while (reader.Read())
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                var isNull = reader.IsDBNull(i);
                switch (buffers[i])
                {
                    case Buffer<long> b: b.Add(isNull ? null : reader.GetInt64(i)); break;
                    case Buffer<double> b: b.Add(isNull ? null : reader.GetDouble(i)); break;
                    case Buffer<decimal> b: b.Add(isNull ? null : Money(MoneyText(reader, i))); break;
                    case StringBuffer b: b.Add(isNull ? null : table.Columns[i].Type == ExportType.Json ? CanonicalJson(reader.GetString(i)) : Text(reader, i)); break;
                }
            }
            n++;
            if (++pending >= RowGroupSize) { await Flush(); pending = 0; }
        }
        if (pending > 0 || n == 0) await Flush();
        return n;

        async Task Flush()
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < buffers.Length; i++) await buffers[i].WriteAsync(group, fields[i]);
            group.CompleteValidate();
            foreach (var b in buffers) b.Clear();
        }
    }

    private decimal Money(string text)
    {
        var d = decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (d.Scale <= MoneyScale) return d;
        RoundedValues++;
        return Math.Round(d, MoneyScale, MidpointRounding.ToEven);
    }

    private interface IColumnBuffer
    {
        Task WriteAsync(ParquetRowGroupWriter group, DataField field);
        void Clear();
    }

    private sealed class Buffer<T> : IColumnBuffer where T : struct
    {
        private readonly List<T?> _values = [];
        public void Add(T? v) => _values.Add(v);
        public Task WriteAsync(ParquetRowGroupWriter group, DataField field) =>
            group.WriteAsync<T>(field, _values.ToArray().AsMemory(), null, null, CancellationToken.None);
        public void Clear() => _values.Clear();
    }

    private sealed class StringBuffer : IColumnBuffer
    {
        private readonly List<string?> _values = [];
        public void Add(string? v) => _values.Add(v);
        public Task WriteAsync(ParquetRowGroupWriter group, DataField field) => group.WriteAsync(field, _values!, null);
        public void Clear() => _values.Clear();
    }
}
