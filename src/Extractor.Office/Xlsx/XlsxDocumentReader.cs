using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Office.Xlsx;

/// <summary>
/// Reads an Excel workbook (.xlsx): every visible sheet is one page (page n = the n-th visible sheet), hidden
/// sheets, rows and columns are left out. A sheet's cells become one or more <see cref="RawTable"/>s (method
/// "xlsx"): a new block starts at a title row (…表) or at caption rows after empty rows; each block's leading
/// title / 公开NN表 / 部门 / 金额单位 rows are its caption. Merged ranges are kept once in their top-left slot
/// with spans. Numbers are the stored values written as plain invariant decimals (105.06, not "105.06 " or
/// "1.05E+02"); percentages as "13.68%", dates as yyyy-MM-dd. Every cell is also a line; cell paths are
/// "'Sheet'!B7".
/// </summary>
public sealed partial class XlsxDocumentReader : IDocumentReader
{
    public const string MediaType = OfficeMediaTypes.Xlsx;

    /// <summary>Cells read per sheet at most (a sheet formatted down to row 1,048,576 is cut here).</summary>
    public int MaxCellsPerSheet { get; init; } = 200_000;

    public bool CanRead(string mediaType) => mediaType == MediaType;

    public DocumentContent Read(string path, ReadLimits limits)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new ExtractionException("empty", "file is empty (0 bytes)");
        return Read(bytes, path, MediaType, limits);
    }

    public DocumentContent Read(byte[] bytes, string source, string mediaType, ReadLimits limits)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        SpreadsheetDocument document;
        try { document = SpreadsheetDocument.Open(stream, false, OfficeFileErrors.Settings); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or System.Xml.XmlException)
        {
            throw OfficeFileErrors.Failure("not a readable Excel workbook", e);
        }
        using (document)
        {
            try
            {
                return Read(document, bytes, source, mediaType, limits);
            }
            catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or FormatException)
            {
                throw OfficeFileErrors.Failure("malformed Excel file", e);
            }
        }
    }

    private DocumentContent Read(SpreadsheetDocument document, byte[] bytes, string source, string mediaType, ReadLimits limits)
    {
        {
            var workbook = document.WorkbookPart ?? throw new ExtractionException("corrupt", "Excel workbook without a workbook part");
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var formats = new NumberFormats(workbook.WorkbookStylesPart?.Stylesheet);
            var pages = new List<PageContent>();
            var tables = new List<RawTable>();
            var paths = new Dictionary<(int Page, int Line), string>();
            var sheetNames = new List<string>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                limits.Cancellation.ThrowIfCancellationRequested();
                if (sheet.State?.Value is { } state && state != SheetStateValues.Visible) continue;
                if (sheet.Id?.Value is not { } rid || workbook.GetPartById(rid) is not WorksheetPart part) continue;
                if (pages.Count >= limits.MaxPages) break;
                var number = pages.Count + 1;
                var name = sheet.Name?.Value ?? $"Sheet{number}";
                sheetNames.Add(name);
                var grid = ReadSheet(part.Worksheet, name, strings, formats, limits.Cancellation);
                var lines = new List<TextLine>();
                // A sheet named for its table (收入支出决算总表, 公开01表) names the table its rows hold when no title
                // row does: many portals publish each 公开表 on its own sheet, the title only on the tab.
                var sheetTitle = SheetTitle(name);
                foreach (var block in Blocks(grid))
                    if (Emit(block, grid, number, lines, tables, paths, sheetTitle)) sheetTitle = null;
                pages.Add(new PageContent(number, 0, 0, lines.SelectMany(l => l.Words).ToList(), lines, []));
            }
            if (pages.Count == 0) throw new ExtractionException("empty", "workbook has no visible sheet");
            var info = new Dictionary<string, string>(StringComparer.Ordinal) { ["Sheets"] = string.Join("\n", sheetNames) };
            var props = document.PackageProperties;
            if (TextNormalizer.Normalize(props.Title) is { Length: > 0 } title) info["title"] = title; // as the PDF reader names it
            if (props.Created is { } created) info["CreationDate"] = created.ToString("yyyy-MM-dd");
            return new DocumentContent(Convert.ToHexStringLower(SHA256.HashData(bytes)), source, mediaType, pages, [], info)
            {
                NativeTables = tables,
                LinePaths = paths,
            };
        }
    }

    // ---- one sheet into a grid of visible cells ----------------------------------------------------

    private sealed class Slot
    {
        public string Text = "";
        public string Path = "";
        public int RowSpan = 1;
        public int ColSpan = 1;
        public bool Covered;
    }

    private sealed record SheetGrid(string Name, List<Slot[]> Rows, List<int> RowNumbers);

    private SheetGrid ReadSheet(Worksheet worksheet, string name, string[] strings, NumberFormats formats, CancellationToken cancellation)
    {
        var hiddenCols = new HashSet<int>();
        foreach (var col in worksheet.Elements<Columns>().SelectMany(c => c.Elements<Column>()))
            if (col.Hidden?.Value == true && col.Min?.Value is { } min && col.Max?.Value is { } max)
                for (var c = (int)min; c <= Math.Min(max, 16384u); c++) hiddenCols.Add(c);

        var cells = new Dictionary<(int Row, int Col), string>();
        var hiddenRows = new HashSet<int>();
        var count = 0;
        var nextRow = 1;
        foreach (var row in worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var r = (int)(row.RowIndex?.Value ?? (uint)nextRow);
            nextRow = r + 1;
            if (row.Hidden?.Value == true) { hiddenRows.Add(r); continue; }
            var nextCol = 1;
            foreach (var cell in row.Elements<Cell>())
            {
                if ((++count & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                if (count > MaxCellsPerSheet) break;
                var c = cell.CellReference?.Value is { } reference && Parse(reference) is { } at ? at.Col : nextCol;
                nextCol = c + 1;
                var text = CellText(cell, strings, formats);
                if (text.Length > 0) cells[(r, c)] = text;
            }
        }

        var merges = new List<(int R0, int C0, int R1, int C1)>();
        foreach (var merge in worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()))
        {
            var parts = merge.Reference?.Value?.Split(':');
            if (parts is not { Length: 2 } || Parse(parts[0]) is not { } a || Parse(parts[1]) is not { } b) continue;
            merges.Add((Math.Min(a.Row, b.Row), Math.Min(a.Col, b.Col), Math.Max(a.Row, b.Row), Math.Max(a.Col, b.Col)));
        }

        if (cells.Count == 0) return new SheetGrid(name, [], []);
        // A stray value far below or right of the data (a note in row 1,048,576) would make the grid huge: the
        // sheet's data ends at the first gap of more than 1000 empty rows or 100 empty columns.
        var maxRow = Extent(cells.Keys.Select(k => k.Row), 1000);
        var maxCol = Extent(cells.Keys.Select(k => k.Col), 100);
        foreach (var far in cells.Keys.Where(k => k.Row > maxRow || k.Col > maxCol).ToList()) cells.Remove(far);
        var rows = Enumerable.Range(1, maxRow).Where(r => !hiddenRows.Contains(r)).ToList();
        var cols = Enumerable.Range(1, maxCol).Where(c => !hiddenCols.Contains(c)).ToList();
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var colIndex = cols.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var quoted = "'" + name.Replace("'", "''") + "'";

        var grid = new List<Slot[]>(rows.Count);
        foreach (var r in rows)
        {
            var line = new Slot[cols.Count];
            for (var i = 0; i < cols.Count; i++)
                line[i] = new Slot { Text = cells.GetValueOrDefault((r, cols[i])) ?? "", Path = $"{quoted}!{ColumnName(cols[i])}{r}" };
            grid.Add(line);
        }
        foreach (var (r0, c0, r1, c1) in merges)
        {
            var visibleRows = rows.Where(r => r >= r0 && r <= r1).Select(r => rowIndex[r]).ToList();
            var visibleCols = cols.Where(c => c >= c0 && c <= c1).Select(c => colIndex[c]).ToList();
            if (visibleRows.Count == 0 || visibleCols.Count == 0) continue;
            var origin = grid[visibleRows[0]][visibleCols[0]];
            // The merged range shows its top-left cell's value even when that cell's row or column is hidden.
            if (origin.Text.Length == 0 && cells.TryGetValue((r0, c0), out var shown)) origin.Text = shown;
            origin.RowSpan = visibleRows.Count;
            origin.ColSpan = visibleCols.Count;
            foreach (var ri in visibleRows)
            foreach (var ci in visibleCols)
                if (ri != visibleRows[0] || ci != visibleCols[0])
                    grid[ri][ci] = new Slot { Covered = true, Path = grid[ri][ci].Path };
        }
        return new SheetGrid(name, grid, rows);
    }

    private static int Extent(IEnumerable<int> positions, int maxGap)
    {
        var last = 0;
        foreach (var p in positions.Distinct().Order())
        {
            if (p - last > maxGap && last > 0) break;
            last = p;
        }
        return last;
    }

    // ---- blocks: tables and the lines around them --------------------------------------------------

    /// <summary>Row ranges [start, end) of the sheet's blocks: a new block starts where a title row, or caption rows after two or more empty rows, follow a table body.</summary>
    private static IEnumerable<(int Start, int End)> Blocks(SheetGrid grid)
    {
        var start = -1;
        var empties = 0;
        var bodySeen = false;
        for (var i = 0; i < grid.Rows.Count; i++)
        {
            var texts = Texts(grid.Rows[i]);
            if (texts.Count == 0 && !grid.Rows[i].Any(s => s.Covered))
            {
                empties++;
                continue;
            }
            var caption = Captions.IsCaptionRow(texts);
            // A new table starts at a title row after a table body, or at caption rows after a gap of empty rows;
            // empty rows alone (spacers, unfilled header rows) do not split a table.
            var title = texts.Count == 1 && TitleRow().IsMatch(TextNormalizer.Compact(texts[0]));
            if (start >= 0 && bodySeen && caption && (title || empties >= 2))
            {
                yield return (start, i);
                start = -1;
                bodySeen = false;
            }
            empties = 0;
            if (start < 0) start = i;
            if (!caption) bodySeen = true;
        }
        if (start >= 0) yield return (start, grid.Rows.Count);
    }

    /// <summary>The sheet's name when it reads as a table's title (…表, 公开NN表); generic names (Sheet1, 工作表1) are not.</summary>
    private static string? SheetTitle(string name)
    {
        var compact = TextNormalizer.Compact(TextNormalizer.Normalize(name));
        return TitleRow().IsMatch(compact) || Captions.IsCaptionText(compact) && compact.Contains('表') ? compact : null;
    }

    /// <summary>Emits one block's lines, and its table when it is one; true when a table was emitted.</summary>
    private static bool Emit((int Start, int End) block, SheetGrid grid, int page, List<TextLine> lines, List<RawTable> tables,
        Dictionary<(int Page, int Line), string> paths, string? sheetTitle)
    {
        var rows = grid.Rows.Skip(block.Start).Take(block.End - block.Start).Where(r => Texts(r).Count > 0 || r.Any(s => s.Covered)).ToList();
        var captionRows = 0;
        while (captionRows < rows.Count - 1 && Captions.IsCaptionRow(Texts(rows[captionRows]))) captionRows++;
        var body = rows.Skip(captionRows).ToList();

        // Columns empty in every body row (and in no merge) are margins, not columns.
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var keep = Enumerable.Range(0, width).Where(c => body.Any(r => r[c].Text.Length > 0 || r[c].Covered || r[c].ColSpan > 1)).ToList();
        var isTable = body.Count(r => Texts(r).Count > 0) >= 2 && keep.Count >= 2;

        var caption = new List<string>();
        var titled = rows.Take(captionRows).SelectMany(Texts).Any(t => TitleRow().IsMatch(TextNormalizer.Compact(t)));
        if (isTable && !titled && sheetTitle is not null)
        {
            // The tab's name, as the first caption line and a line of the page, where a title row would be.
            caption.Add(sheetTitle);
            paths[(page, lines.Count)] = $"'{grid.Name}'";
            lines.Add(new TextLine(sheetTitle, default, [new TextWord(sheetTitle, default, 12, "xlsx", false)]));
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var texts = Texts(rows[i]);
            if (i < captionRows) caption.AddRange(texts.Distinct());
            // One line per cell, as the text reader gives them: joining a row would run its numbers together.
            foreach (var slot in rows[i].Where(s => !s.Covered && s.Text.Length > 0).DistinctBy(s => i < captionRows ? s.Text : s.Path))
            {
                paths[(page, lines.Count)] = slot.Path;
                lines.Add(new TextLine(slot.Text, default, [new TextWord(slot.Text, default, 12, "xlsx", false)]));
            }
        }
        if (!isTable) return false;

        var rawRows = body.Select(r => new RawRow(keep.Select(c => r[c].Covered
            ? RawCell.Covered()
            : new RawCell(r[c].Text, null, r[c].RowSpan, Math.Max(1, keep.Count(k => k >= c && k < c + r[c].ColSpan))) { Path = r[c].Path }).ToList(), page)).ToList();
        tables.Add(new RawTable(rawRows, page, page, null, "xlsx") { Caption = caption });
        return true;
    }

    private static List<string> Texts(Slot[] row) => row.Where(s => !s.Covered && s.Text.Length > 0).Select(s => s.Text).ToList();

    [GeneratedRegex(@"表$|表[(（]")]
    private static partial Regex TitleRow();

    // ---- cell values -------------------------------------------------------------------------------

    private static string ItemText(SharedStringItem item)
    {
        // Rich text runs and plain text; phonetic guides (rPh) are not part of the value.
        if (item.Text is { } t) return t.Text;
        return string.Concat(item.Elements<DocumentFormat.OpenXml.Spreadsheet.Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static string CellText(Cell cell, string[] strings, NumberFormats formats)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
            text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
        else if (type == CellValues.InlineString)
            text = cell.InlineString is { } inline ? inline.Text?.Text ?? string.Concat(inline.Elements<DocumentFormat.OpenXml.Spreadsheet.Run>().Select(r => r.Text?.Text ?? "")) : raw ?? "";
        else if (type == CellValues.Boolean)
            text = raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? "";
        else if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
            text = raw ?? "";
        else
            text = raw is null ? "" : formats.Format(raw, cell.StyleIndex?.Value ?? 0);
        return TextNormalizer.Normalize(text);
    }

    /// <summary>The stored number as a plain invariant decimal, rounded to nine places to drop binary noise.</summary>
    public static string Plain(decimal value) => Math.Round(value, 9).ToString("0.#########", CultureInfo.InvariantCulture);

    private sealed partial class NumberFormats
    {
        private readonly List<uint> _styleFormats = [];
        private readonly Dictionary<uint, string> _custom = new();

        public NumberFormats(Stylesheet? stylesheet)
        {
            if (stylesheet is null) return;
            foreach (var f in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
                if (f.NumberFormatId?.Value is { } id) _custom[id] = f.FormatCode?.Value ?? "";
            foreach (var xf in stylesheet.CellFormats?.Elements<CellFormat>() ?? [])
                _styleFormats.Add(xf.NumberFormatId?.Value ?? 0);
        }

        public string Format(string raw, uint styleIndex)
        {
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? d.ToString("R", CultureInfo.InvariantCulture) : raw;
            var formatId = styleIndex < _styleFormats.Count ? _styleFormats[(int)styleIndex] : 0u;
            var code = _custom.GetValueOrDefault(formatId);
            if (IsDate(formatId, code) && value is > 0 and < 2958466)
            {
                var date = DateTime.FromOADate((double)value);
                return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            }
            if (formatId is 9 or 10 || code is not null && StripLiterals(code).Contains('%')) return Plain(value * 100) + "%";
            return Plain(value);
        }

        private static bool IsDate(uint id, string? code)
        {
            if (id is >= 14 and <= 22 or >= 45 and <= 47 or >= 27 and <= 36 or >= 50 and <= 58) return true;
            if (code is null) return false;
            var bare = StripLiterals(code);
            return DateTokens().IsMatch(bare);
        }

        private static string StripLiterals(string code) => Literals().Replace(code, "");

        [GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]|_.|\\*.")]
        private static partial Regex Literals();

        [GeneratedRegex("[yYdD]|[mM].*[dDyY]|[dDyY].*[mM]|[hH].*[sS]|年|月|日")]
        private static partial Regex DateTokens();
    }

    // ---- references ----------------------------------------------------------------------------------

    private static (int Row, int Col)? Parse(string reference)
    {
        var col = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i])) col = col * 26 + (char.ToUpperInvariant(reference[i++]) - 'A' + 1);
        if (col == 0 || i == reference.Length || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row)) return null;
        return (row, col);
    }

    private static string ColumnName(int col)
    {
        var name = "";
        while (col > 0) { col--; name = (char)('A' + col % 26) + name; col /= 26; }
        return name;
    }
}
