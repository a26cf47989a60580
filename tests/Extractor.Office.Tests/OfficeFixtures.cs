using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Core.Tables;
using Extractor.Readers.Text;
using Extractor.TestSupport;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Extractor.Office.Tests;

/// <summary>
/// Builds the test documents from the seeds: seed 000 (a 决算 Word report, as text with [bookmark: …] markers)
/// as a .docx with heading styles and bookmarks; seed 003's nine tab-separated tables as Word tables (with the
/// report's paragraphs around them) and as an .xlsx workbook, one sheet per 公开表.
/// </summary>
public static partial class OfficeFixtures
{
    public const string Seed000 = "000_b6464b9a7bea3343.txt";
    public const string Seed003 = "003_5cba4ecd56cdf973.txt";

    public static string SeedPath(string name) => Corpus.Path("seeds", name);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "extractor-office-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    // ---- Word ----------------------------------------------------------------------------------------

    /// <summary>A Word document: styles (Normal 16 pt; Heading 1–3 with outline levels), paragraphs and tables appended by <paramref name="fill"/>.</summary>
    public static void WriteDocx(string path, Action<Body, MainDocumentPart> fill)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document(new Body());
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "32" }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading(1), Heading(2), Heading(3));
        fill(main.Document.Body!, main);
        main.Document.Save();
    }

    private static Style Heading(int level) =>
        new(new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = (48 - 6 * level).ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

    private static int _bookmarkId;

    /// <summary>
    /// A paragraph from text with markers: "[bookmark: NAME]" is a point bookmark (as the seed prints them),
    /// "{bm:NAME}…{/bm}" a bookmark enclosing the text between.
    /// </summary>
    public static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var open = new Stack<string>();
        var at = 0;
        foreach (Match m in Marker().Matches(text))
        {
            if (m.Index > at) p.Append(TextRun(text[at..m.Index]));
            at = m.Index + m.Length;
            if (m.Groups[1].Success)
            {
                var id = Interlocked.Increment(ref _bookmarkId).ToString(CultureInfo.InvariantCulture);
                p.Append(new BookmarkStart { Name = m.Groups[1].Value.Trim(), Id = id }, new BookmarkEnd { Id = id });
            }
            else if (m.Groups[2].Success)
            {
                var id = Interlocked.Increment(ref _bookmarkId).ToString(CultureInfo.InvariantCulture);
                open.Push(id);
                p.Append(new BookmarkStart { Name = m.Groups[2].Value, Id = id });
            }
            else p.Append(new BookmarkEnd { Id = open.Pop() });
        }
        if (at < text.Length) p.Append(TextRun(text[at..]));
        return p;
    }

    public static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    [GeneratedRegex(@"\[bookmark:\s*([^\]]+)\]|\{bm:([^}]+)\}|\{/bm\}")]
    private static partial Regex Marker();

    /// <summary>The heading level the seed's line is printed at (第X部分 1, 一、 2, （一） 3), 0 for body text.</summary>
    public static int HeadingLevel(string line)
    {
        var t = line.Trim();
        if (PartRx().IsMatch(t)) return 1;
        if (t.Length > 40 || t.Contains('。') || t.Contains('，')) return 0;
        if (ChineseCommaRx().IsMatch(t)) return 2;
        if (ArabicSectionRx().IsMatch(t)) return 2;
        if (ChineseParenRx().IsMatch(t)) return 3;
        return 0;
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex PartRx();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex ChineseCommaRx();

    [GeneratedRegex(@"^\d+、\s*\S.*说明$")]
    private static partial Regex ArabicSectionRx();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex ChineseParenRx();

    /// <summary>
    /// Seed 000 as a Word report: one paragraph per line, headings styled, the seed's bookmarks as point bookmarks
    /// where it prints them, and the 公务接待费 amount enclosed by THERR_GWJDF_AMT as the 决算 software marks amounts.
    /// </summary>
    public static void Seed000Docx(string path, string? receptionAmountInBookmark = null)
    {
        var lines = File.ReadAllLines(SeedPath(Seed000));
        WriteDocx(path, (body, _) =>
        {
            var inPartTitle = false;
            foreach (var raw in lines)
            {
                var line = raw.TrimEnd();
                if (line.Trim().Length == 0) continue;
                if (line.StartsWith("2、公务接待费支出决算为3.72万元", StringComparison.Ordinal))
                    line = "2、公务接待费支出决算为{bm:THERR_GWJDF_AMT}" + (receptionAmountInBookmark ?? "3.72") + "{/bm}" + line["2、公务接待费支出决算为3.72".Length..];
                var level = HeadingLevel(Marker().Replace(line, ""));
                // A part's title is printed over several short lines in the part heading's style ("第三部分 / 2022年度部门决算 / 情况说明").
                if (level == 1) inPartTitle = true;
                else if (inPartTitle && level == 0 && line.Trim().Length <= 20 && !line.Contains('。')) level = 1;
                else inPartTitle = false;
                body.Append(Para(line.Trim(), level > 0 ? $"Heading{level}" : null));
            }
        });
    }

    /// <summary>One seed 003 table: the caption lines printed above it and its rows (merged cells kept as spans).</summary>
    public sealed record SeedTable(IReadOnlyList<string> Caption, RawTable Table);

    /// <summary>Seed 003 in document order: paragraphs (strings) and tables, parsed from its tab-separated blocks.</summary>
    public static List<object> Seed003Blocks()
    {
        var lines = File.ReadAllLines(SeedPath(Seed003));
        var blocks = new List<object>();
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith('\t'))
            {
                if (lines[i].Trim().Length > 0) blocks.Add(lines[i].Trim());
                i++;
                continue;
            }
            // A cell-per-line block runs to the first non-tab line or two empty lines (TextTableParser's rule).
            var start = i;
            var empties = 0;
            for (; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('\t')) { empties = 0; continue; }
                if (lines[i].Length > 0) break;
                if (++empties >= 2) break;
            }
            var block = lines[start..i];
            foreach (var table in TextTableParser.Parse(block, 1))
                blocks.Add(new SeedTable(table.Caption, table));
        }
        return blocks;
    }

    /// <summary>Seed 003 as a Word document: its paragraphs, each table's caption as paragraphs above a Word table.</summary>
    public static void Seed003Docx(string path)
    {
        var blocks = Seed003Blocks();
        WriteDocx(path, (body, _) =>
        {
            foreach (var block in blocks)
            {
                if (block is string text)
                {
                    var level = HeadingLevel(text);
                    body.Append(Para(text, level > 0 ? $"Heading{level}" : null));
                    continue;
                }
                var seed = (SeedTable)block;
                foreach (var c in seed.Caption) body.Append(Para(c));
                body.Append(WordTable(seed.Table));
            }
        });
    }

    public static Table WordTable(RawTable raw)
    {
        var table = new Table(new TableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
            new LeftBorder { Val = BorderValues.Single }, new RightBorder { Val = BorderValues.Single },
            new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
        table.Append(new TableGrid(Enumerable.Range(0, raw.ColumnCount).Select(_ => new GridColumn { Width = "1200" })));
        foreach (var row in raw.Rows)
        {
            var tr = new TableRow();
            foreach (var cell in row.Cells)
            {
                if (cell.IsCovered) continue;
                var tc = new TableCell();
                if (cell.ColSpan > 1) tc.Append(new TableCellProperties(new GridSpan { Val = cell.ColSpan }));
                tc.Append(new Paragraph(TextRun(cell.Text)));
                tr.Append(tc);
            }
            table.Append(tr);
        }
        return table;
    }

    // ---- Excel ---------------------------------------------------------------------------------------

    /// <summary>
    /// Seed 003's nine tables as a workbook, one sheet per 公开表: the title merged across the top, 公开NN表 /
    /// 部门 / 金额单位 rows, then the grid with merged cells; numbers stored as numbers (with binary noise and a
    /// "#,##0.00" display format), text as shared strings. A hidden sheet and a hidden row hold text that must not be read.
    /// </summary>
    public static void Seed003Xlsx(string path)
    {
        var tables = Seed003Blocks().OfType<SeedTable>().ToList();
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new X.Workbook();
        var sheets = wb.Workbook.AppendChild(new X.Sheets());
        var sst = wb.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new X.SharedStringTable();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new X.Stylesheet(
            new X.Fonts(new X.Font()), new X.Fills(new X.Fill(), new X.Fill()), new X.Borders(new X.Border()),
            new X.CellFormats(new X.CellFormat(), new X.CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }));
        var strings = new Dictionary<string, int>();

        X.Cell Text(string reference, string text)
        {
            if (!strings.TryGetValue(text, out var index))
            {
                index = strings.Count;
                strings[text] = index;
                sst.SharedStringTable.Append(new X.SharedStringItem(new X.Text(text)));
            }
            return new X.Cell { CellReference = reference, DataType = X.CellValues.SharedString, CellValue = new X.CellValue(index.ToString(CultureInfo.InvariantCulture)) };
        }

        X.Cell Value(string reference, string text) =>
            NumberRx().IsMatch(text) && (!text.StartsWith('0') || text.StartsWith("0.") || text == "0")
                ? new X.Cell { CellReference = reference, StyleIndex = 1, CellValue = new X.CellValue((decimal.Parse(text, CultureInfo.InvariantCulture) + 0.0000000000001m).ToString(CultureInfo.InvariantCulture)) }
                : Text(reference, text);

        uint sheetId = 0;
        foreach (var seed in tables)
        {
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            var merges = new X.MergeCells();
            var width = seed.Table.ColumnCount;
            uint r = 0;
            foreach (var caption in seed.Caption)
            {
                r++;
                data.Append(new X.Row(Text($"A{r}", caption)) { RowIndex = r });
                if (r == 1 && width > 1) merges.Append(new X.MergeCell { Reference = $"A1:{Col(width)}1" });
            }
            if (sheetId == 0)
            {
                r++;
                data.Append(new X.Row(Text($"A{r}", "隐藏行 不应读出")) { RowIndex = r, Hidden = true });
            }
            foreach (var row in seed.Table.Rows)
            {
                r++;
                var xr = new X.Row { RowIndex = r };
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cells[c];
                    if (cell.IsCovered || cell.Text.Length == 0) continue;
                    xr.Append(Value($"{Col(c + 1)}{r}", cell.Text));
                    if (cell.ColSpan > 1) merges.Append(new X.MergeCell { Reference = $"{Col(c + 1)}{r}:{Col(c + cell.ColSpan)}{r}" });
                }
                data.Append(xr);
            }
            ws.Worksheet = new X.Worksheet(data);
            if (merges.HasChildren) ws.Worksheet.Append(merges);
            sheetId++;
            sheets.Append(new X.Sheet { Id = wb.GetIdOfPart(ws), SheetId = sheetId, Name = $"公开{sheetId:00}表" });
        }
        var hidden = wb.AddNewPart<WorksheetPart>();
        hidden.Worksheet = new X.Worksheet(new X.SheetData(new X.Row(Text("A1", "隐藏表 收入支出决算总表"), Text("B1", "999")) { RowIndex = 1 }));
        sheets.Append(new X.Sheet { Id = wb.GetIdOfPart(hidden), SheetId = ++sheetId, Name = "隐藏", State = X.SheetStateValues.Hidden });
        wb.Workbook.Save();
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberRx();

    public static string Col(int col)
    {
        var name = "";
        while (col > 0) { col--; name = (char)('A' + col % 26) + name; col /= 26; }
        return name;
    }
}
