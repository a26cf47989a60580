using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.Cli.Commands;

/// <summary>How `documents` and `facts` print records: JSON lines (one compact object per line, every key present,
/// null when unknown) or CSV (RFC 4180: header row, CRLF, fields quoted when they hold a comma, quote or line break).</summary>
public static class Output
{
    public static readonly string[] Formats = ["json", "csv"];

    public static readonly JsonSerializerOptions JsonLines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>Stdout as UTF-8 without BOM, buffered (flushed on dispose).</summary>
    public static StreamWriter Stdout() => new(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };

    public static void WriteJsonLine<T>(TextWriter w, T value) => w.WriteLine(JsonSerializer.Serialize(value, JsonLines));

    public static void WriteCsvRow(TextWriter w, IEnumerable<object?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) w.Write(',');
            first = false;
            w.Write(CsvField(f));
        }
        w.Write("\r\n");
    }

    public static string CsvField(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            double[] xs => string.Join(' ', xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
