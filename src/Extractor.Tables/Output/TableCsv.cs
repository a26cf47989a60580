using System.Text;
using Extractor.Core.Tables;

namespace Extractor.Tables.Output;

/// <summary>RFC 4180 CSV of raw tables; tables separated by one blank line.</summary>
public static class TableCsv
{
    public static string Write(IEnumerable<RawTable> tables)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var t in tables)
        {
            if (!first) sb.Append('\n');
            first = false;
            var cols = t.ColumnCount;
            foreach (var row in t.Rows)
            {
                for (var c = 0; c < cols; c++)
                {
                    if (c > 0) sb.Append(',');
                    sb.Append(Quote(c < row.Cells.Count ? row.Cells[c].Text : string.Empty));
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Parses CSV (quoted fields, embedded newlines) into tables split at blank lines.</summary>
    public static List<List<List<string>>> Read(string text)
    {
        var tables = new List<List<List<string>>>();
        var table = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; fieldStarted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); fieldStarted = true; break;
                case '\r': break;
                case '\n':
                    if (row.Count == 0 && field.Length == 0 && !fieldStarted)
                    {
                        if (table.Count > 0) { tables.Add(table); table = []; }
                    }
                    else { row.Add(field.ToString()); field.Clear(); table.Add(row); row = []; }
                    fieldStarted = false;
                    break;
                default: field.Append(ch); fieldStarted = true; break;
            }
        }
        if (fieldStarted || row.Count > 0) { row.Add(field.ToString()); table.Add(row); }
        if (table.Count > 0) tables.Add(table);
        return tables;
    }
}
