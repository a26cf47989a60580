using AngleSharp.Dom;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Web;

/// <summary>
/// An HTML table as the raw grid every table finder produces: rowspan/colspan expanded (a merged cell once, in its
/// top-left slot, with its spans; the slots it covers <see cref="RawCell.Covered"/>), every row as wide as the table,
/// rows without any text dropped, and leading rows that hold one line of text across the table (the title, 单位:万元,
/// as Word/Excel exports put them inside the table) moved out as title rows for the caption.
/// </summary>
internal sealed partial record HtmlTableGrid(IReadOnlyList<RawRow> Rows, IReadOnlyList<string> Caption, IReadOnlyList<string> TitleRows)
{
    private const int MaxSpan = 500;

    public static HtmlTableGrid Build(IElement table, ElementPaths paths, CancellationToken cancellation)
    {
        var caption = table.Children.Where(c => c.LocalName == "caption")
            .Select(c => TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(CellText(c))))
            .Where(t => t.Length > 0).ToList();

        var trs = HtmlDom.Rows(table);
        var slots = new List<RawCell?[]>();
        var width = 0;
        for (var r = 0; r < trs.Count; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            var c = 0;
            foreach (var td in HtmlDom.Cells(trs[r]))
            {
                while (Slot(r, c) is not null) c++;
                var rowSpan = Span(td.GetAttribute("rowspan"), trs.Count - r);
                var colSpan = Span(td.GetAttribute("colspan"), MaxSpan);
                var text = TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(CellText(td)));
                Set(r, c, new RawCell(text, null, rowSpan, colSpan) { Path = paths.Of(td) });
                for (var dr = 0; dr < rowSpan; dr++)
                    for (var dc = 0; dc < colSpan; dc++)
                        if (dr > 0 || dc > 0) Set(r + dr, c + dc, RawCell.Covered());
                c += colSpan;
            }
        }

        var rows = new List<RawRow>();
        for (var r = 0; r < slots.Count; r++)
        {
            var cells = new RawCell[width];
            for (var c = 0; c < width; c++) cells[c] = (c < slots[r].Length ? slots[r][c] : null) ?? new RawCell("");
            rows.Add(new RawRow(cells, 1));
        }

        // Rows with no text at all and no merged cell starting or passing through them are spacing.
        rows.RemoveAll(row => row.Cells.All(cell => !cell.IsCovered && cell.Text.Length == 0 && cell.RowSpan == 1));

        var titles = new List<string>();
        while (rows.Count > 1 && titles.Count < 3 && TitleRow(rows[0], width) is { } title)
        {
            titles.Add(title);
            rows.RemoveAt(0);
        }
        return new HtmlTableGrid(rows, caption, titles);

        RawCell? Slot(int r, int c) => r < slots.Count && c < slots[r].Length ? slots[r][c] : null;

        void Set(int r, int c, RawCell cell)
        {
            while (slots.Count <= r) slots.Add([]);
            if (slots[r].Length <= c)
            {
                var grown = new RawCell?[Math.Max(c + 1, slots[r].Length * 2)];
                slots[r].CopyTo(grown, 0);
                slots[r] = grown;
            }
            slots[r][c] ??= cell;
            width = Math.Max(width, c + 1);
        }
    }

    /// <summary>A leading row whose only text is one cell spanning the table (or all other cells empty), not a header with an amount.</summary>
    private static string? TitleRow(RawRow row, int width)
    {
        if (row.Cells.Any(c => c.RowSpan > 1)) return null;
        var texts = row.Cells.Where(c => !c.IsCovered && c.Text.Length > 0).ToList();
        if (texts.Count != 1 || width < 2) return null;
        var only = texts[0];
        var spansMost = only.ColSpan >= Math.Max(2, width - 1) || row.Cells.Count(c => !c.IsCovered) <= 2 && width > 2;
        // Only what reads as a title or unit line: a header over every column (财政拨款“三公”经费) stays in the table.
        return spansMost && TableCaption.IsCaptionText(only.Text) ? only.Text : null;
    }

    private static int Span(string? value, int max)
    {
        if (!int.TryParse(value?.Trim(), out var n) || n < 1) n = value?.Trim() == "0" ? max : 1;
        return Math.Clamp(n, 1, Math.Max(1, max));
    }

    /// <summary>A cell's text: its blocks and line breaks joined as one logical line (no space between CJK pieces).</summary>
    private static string CellText(IElement cell)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        Walk(cell);
        Break();
        var joined = "";
        foreach (var p in pieces) joined = TextNormalizer.Join(joined, p);
        return joined;

        void Walk(IElement e)
        {
            foreach (var node in e.ChildNodes)
            {
                if (node is IElement child)
                {
                    if (HtmlDom.IsDropped(child)) continue;
                    if (child.LocalName is "br") { Break(); continue; }
                    var block = HtmlDom.IsBlock(child);
                    if (block) Break();
                    Walk(child);
                    if (block) Break();
                }
                else if (node.NodeType == NodeType.Text) current.Append(node.TextContent);
            }
        }

        void Break()
        {
            var t = HtmlDom.CollapseSourceWhitespace(current.ToString()).Replace('\u00A0', ' ').Replace('\u3000', ' ').Trim();
            if (t.Length > 0) pieces.Add(t);
            current.Clear();
        }
    }
}
