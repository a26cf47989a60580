using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extractor.Core.Tables;

namespace Extractor.Tables.Output;

/// <summary>Raw tables as JSON: per table its pages, method, caption, box and rows of cells with spans and boxes.</summary>
/// <remarks>Nodes are added as <see cref="JsonNode"/>: JsonArray's generic Add&lt;T&gt; needs runtime code generation, which
/// the ahead-of-time `extractor-tables` does not have.</remarks>
public static class TableJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<RawTable> tables)
    {
        var array = new JsonArray();
        foreach (var t in tables)
        {
            var rows = new JsonArray();
            foreach (var r in t.Rows)
            {
                var cells = new JsonArray();
                foreach (var c in r.Cells)
                {
                    if (c.IsCovered) { cells.Add(null); continue; }
                    var cell = new JsonObject { ["text"] = c.Text };
                    if (c.RowSpan > 1) cell["row_span"] = c.RowSpan;
                    if (c.ColSpan > 1) cell["col_span"] = c.ColSpan;
                    if (c.Box is { } b) cell["bbox"] = new JsonArray(b.ToArray().Select(v => (JsonNode)v).ToArray());
                    cells.Add((JsonNode)cell);
                }
                rows.Add((JsonNode)new JsonObject { ["page"] = r.Page, ["cells"] = cells });
            }
            var table = new JsonObject
            {
                ["page_start"] = t.PageStart,
                ["page_end"] = t.PageEnd,
                ["method"] = t.Method,
                ["caption"] = new JsonArray(t.Caption.Select(s => (JsonNode)s).ToArray()),
                ["columns"] = t.ColumnCount,
                ["rows"] = rows,
            };
            if (t.Box is { } tb) table["bbox"] = new JsonArray(tb.ToArray().Select(v => (JsonNode)v).ToArray());
            array.Add((JsonNode)table);
        }
        return array.ToJsonString(Options);
    }
}
