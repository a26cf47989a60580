using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Office.Docx;

/// <summary>
/// Reads a Word document (.docx) as page 1: the body's paragraphs in document order (content controls and
/// tracked insertions included, deletions and hidden text left out) as lines, with automatic numbering
/// rendered as printed ("一、"); headings (Heading/标题 styles, outline levels) are bold, larger lines and
/// outline entries; tables become <see cref="RawTable"/>s (method "docx") with gridSpan/vMerge merges, the
/// short lines just above them and their leading title/单位 rows as caption, and one line per cell; bookmarks
/// are kept with the text they enclose (<see cref="DocxBookmarks"/>). There is no geometry: every line
/// and cell carries an element path instead (/w:body/w:p[3], /w:body/w:tbl[1]/w:tr[2]/w:tc[4]).
/// </summary>
public sealed partial class DocxDocumentReader : IDocumentReader
{
    public const string MediaType = OfficeMediaTypes.Docx;

    /// <summary>Nominal size of a heading line when the document prints it no larger than body text.</summary>
    private static double HeadingSize(int level) => level switch { 1 => 22, 2 => 18, 3 => 16, 4 => 14, _ => 13 };

    public bool CanRead(string mediaType) => mediaType == MediaType;

    public DocumentContent Read(string path, ReadLimits limits)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new ExtractionException("empty", "file is empty (0 bytes)");
        return Read(bytes, path, MediaType, limits.Cancellation);
    }

    public DocumentContent Read(byte[] bytes, string source, string mediaType = MediaType, CancellationToken cancellation = default)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, false, OfficeFileErrors.Settings);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or System.Xml.XmlException)
        {
            throw OfficeFileErrors.Failure("not a readable Word document", e);
        }
        using (document)
        {
            try
            {
                return Read(document, bytes, source, mediaType, cancellation);
            }
            catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or FormatException)
            {
                throw OfficeFileErrors.Failure("malformed Word file", e);
            }
        }
    }

    private static DocumentContent Read(WordprocessingDocument document, byte[] bytes, string source, string mediaType, CancellationToken cancellation)
    {
        {
            var main = document.MainDocumentPart ?? throw new ExtractionException("corrupt", "Word document without a main part");
            var body = main.Document?.Body ?? throw new ExtractionException("corrupt", "Word document without a body");
            var walker = new Walker(new DocxStyles(main), new DocxNumbering(main.NumberingDefinitionsPart), cancellation);
            // The first page's header is printed above page 1, as a PDF's running title is part of its first page: a
            // report whose title (agency, year, 决算/预算) stands only in the header still states it.
            if (FirstPageHeader(main, body) is { Header: { } header }) walker.Blocks(header, "/w:hdr[1]");
            walker.Blocks(body, "/w:body");
            var info = new Dictionary<string, string>(StringComparer.Ordinal);
            var props = document.PackageProperties;
            // "title" as the PDF reader names the document-information title: the profile reads the year from it when
            // the document prints none (a Word form saved from a web page keeps the page's <title> here).
            if (TextNormalizer.Normalize(props.Title) is { Length: > 0 } title) info["title"] = title;
            if (TextNormalizer.Normalize(props.Creator) is { Length: > 0 } creator) info["Author"] = creator;
            if (props.Created is { } created) info["CreationDate"] = created.ToString("yyyy-MM-dd");
            if (props.Modified is { } modified) info["ModDate"] = modified.ToString("yyyy-MM-dd");
            var bookmarks = walker.Bookmarks();
            if (bookmarks.Count > 0) info[DocxBookmarks.InfoKey] = DocxBookmarks.Encode(bookmarks);

            var lines = walker.Lines;
            var page = new PageContent(1, 0, 0, lines.SelectMany(l => l.Words).ToList(), lines, []);
            return new DocumentContent(Convert.ToHexStringLower(SHA256.HashData(bytes)), source, mediaType, [page], walker.Outline, info)
            {
                NativeTables = walker.Tables,
                LinePaths = walker.Paths,
            };
        }
    }

    /// <summary>The header printed on page 1: the first section's first-page header when it has one, else its default.</summary>
    private static HeaderPart? FirstPageHeader(MainDocumentPart main, Body body)
    {
        var section = body.Descendants<SectionProperties>().FirstOrDefault();
        if (section is null) return null;
        var references = section.Elements<HeaderReference>().ToList();
        var wanted = section.GetFirstChild<TitlePage>() is { } tp && (tp.Val is null || tp.Val.Value)
            ? HeaderFooterValues.First : HeaderFooterValues.Default;
        var reference = references.FirstOrDefault(r => r.Type?.Value == wanted)
                        ?? references.FirstOrDefault(r => r.Type is null || r.Type.Value == HeaderFooterValues.Default);
        return reference?.Id?.Value is { } id && main.TryGetPartById(id, out var part) ? part as HeaderPart : null;
    }

    private sealed partial class Walker(DocxStyles styles, DocxNumbering numbering, CancellationToken cancellation)
    {
        public List<TextLine> Lines { get; } = [];
        public List<RawTable> Tables { get; } = [];
        public List<OutlineEntry> Outline { get; } = [];
        public Dictionary<(int Page, int Line), string> Paths { get; } = new();

        // Every character read, paragraphs ended by '\n': bookmarks are offsets into it.
        private readonly StringBuilder _stream = new();
        private readonly Dictionary<string, OpenMark> _open = new(StringComparer.Ordinal);
        private readonly List<OpenMark> _marks = [];
        private readonly List<(int Table, int FirstPara, int LastPara)> _tableParas = [];
        private int _paragraphs;
        private int _tableBoundary;
        private int _blocks;

        // The paragraph being read.
        private List<StringBuilder>? _segments;
        private readonly List<OpenXmlElement> _boxes = [];
        private string _paraPath = "";
        private double? _size;
        private bool _allBold = true;
        private bool _anyText;
        private string? _paraStyle;

        private sealed class OpenMark
        {
            public required string Name { get; init; }
            public required string Path { get; init; }
            public int Start { get; init; }
            public int StartPara { get; init; }
            public int End { get; set; } = -1;
            public int EndPara { get; set; } = -1;
        }

        public void Blocks(OpenXmlElement container, string path)
        {
            var counts = new Dictionary<string, int>();
            foreach (var child in container.ChildElements)
            {
                var name = child.LocalName;
                counts[name] = counts.GetValueOrDefault(name) + 1;
                var childPath = $"{path}/w:{name}[{counts[name]}]";
                switch (child)
                {
                    case Paragraph p:
                        if ((++_blocks & 63) == 0) cancellation.ThrowIfCancellationRequested();
                        BodyParagraph(p, childPath);
                        break;
                    case Table t:
                        Table(t, childPath);
                        break;
                    case BookmarkStart bs:
                        StartMark(bs, inParagraph: false, childPath);
                        break;
                    case BookmarkEnd be:
                        EndMark(be, inParagraph: false);
                        break;
                    default:
                        if (name is "sdt" or "sdtContent" or "customXml" or "ins" or "moveTo") Blocks(child, childPath);
                        break;
                }
            }
        }

        // ---- paragraphs -------------------------------------------------------------------------

        private void BodyParagraph(Paragraph p, string path)
        {
            var (segments, level) = Paragraph(p, path);
            var boxes = _boxes.ToList();
            var texts = segments.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToList();
            if (texts.Count > 0) EmitParagraph(texts, level, path);
            for (var k = 0; k < boxes.Count; k++) Blocks(boxes[k], $"{path}/w:txbxContent[{k + 1}]");
        }

        private void EmitParagraph(List<string> texts, int level, string path)
        {
            var size = _size ?? styles.DefaultSize;
            var bold = _anyText && _allBold;
            if (level > 0) { size = Math.Max(size, HeadingSize(level)); bold = true; }
            foreach (var text in texts) Emit(text, size, bold, level, path);
            if (level > 0) Outline.Add(new OutlineEntry(texts.Aggregate(TextNormalizer.Join), level, 1));
        }

        private void Emit(string text, double size, bool bold, int level, string path)
        {
            var word = new TextWord(text, default, size, level > 0 ? $"docx-h{level}" : "docx", bold);
            Paths[(1, Lines.Count)] = path;
            Lines.Add(new TextLine(text, default, [word]));
        }

        /// <summary>Reads one paragraph's text (split at line breaks, numbering prefixed) and its heading level.</summary>
        private (List<string> Segments, int Level) Paragraph(Paragraph p, string path)
        {
            _paragraphs++;
            _paraPath = path;
            _boxes.Clear();
            _segments = [new StringBuilder()];
            _size = null;
            _allBold = true;
            _anyText = false;
            var pPr = p.ParagraphProperties;
            _paraStyle = pPr?.ParagraphStyleId?.Val?.Value ?? styles.DefaultParagraphStyle;
            var level = pPr?.OutlineLevel?.Val?.Value is { } ol ? (ol is >= 0 and <= 8 ? ol + 1 : 0) : styles.HeadingLevel(_paraStyle);

            string? prefix = null;
            var np = pPr?.NumberingProperties;
            var styleNum = styles.Numbering(_paraStyle);
            if (np?.NumberingId?.Val?.Value is { } numId)
                prefix = numbering.Next(numId, np.NumberingLevelReference?.Val?.Value ?? styleNum?.Level ?? 0);
            else if (styleNum is { } sn)
                prefix = numbering.Next(sn.NumId, np?.NumberingLevelReference?.Val?.Value ?? sn.Level);
            if (prefix is not null) Append(prefix);

            Inline(p);
            _stream.Append('\n');
            var segments = _segments.Select(s => s.ToString()).ToList();
            _segments = null;
            return (segments, level);
        }

        private void Inline(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case Run r:
                        RunContent(r);
                        break;
                    case BookmarkStart bs:
                        StartMark(bs, inParagraph: true, _paraPath);
                        break;
                    case BookmarkEnd be:
                        EndMark(be, inParagraph: true);
                        break;
                    default:
                        if (child.LocalName is "hyperlink" or "fldSimple" or "sdt" or "sdtContent" or "ins" or "moveTo" or "smartTag"
                            or "customXml" or "dir" or "bdo")
                            Inline(child);
                        break;
                }
            }
        }

        private void RunContent(Run run)
        {
            var rPr = run.RunProperties;
            if (rPr?.Vanish is { } vanish && (vanish.Val is null || vanish.Val.Value)) return;
            foreach (var child in run.ChildElements)
            {
                switch (child.LocalName)
                {
                    case "t":
                        var text = child.InnerText;
                        if (text.Trim().Length > 0) Style(rPr);
                        Append(text);
                        break;
                    case "tab" or "ptab":
                        Append("\t");
                        break;
                    case "br" or "cr":
                        if (child is Break { Type: { } type } && type.Value == BreakValues.Page) break;
                        _segments?.Add(new StringBuilder());
                        _stream.Append(' ');
                        break;
                    case "noBreakHyphen":
                        Append("-");
                        break;
                    case "AlternateContent":
                        // Word writes a text box twice (DrawingML choice, VML fallback): read one.
                        var pick = child.ChildElements.FirstOrDefault(e => e.LocalName == "Choice") ?? child.ChildElements.FirstOrDefault(e => e.LocalName == "Fallback");
                        if (pick is not null) TextBoxes(pick);
                        break;
                    case "drawing" or "pict":
                        TextBoxes(child);
                        break;
                }
            }
        }

        /// <summary>Text boxes (cover titles, framed notes) are read after their paragraph, as paragraphs of their own.</summary>
        private void TextBoxes(OpenXmlElement container)
        {
            foreach (var box in container.Descendants().Where(e => e.LocalName == "txbxContent"))
                if (!box.Ancestors().TakeWhile(a => !ReferenceEquals(a, container)).Any(a => a.LocalName == "txbxContent"))
                    _boxes.Add(box);
        }

        private void Style(RunProperties? rPr)
        {
            var charStyle = rPr?.RunStyle?.Val?.Value;
            var size = DocxStyles.HalfPoints(rPr?.FontSize?.Val?.Value) ?? styles.FontSize(charStyle) ?? styles.FontSize(_paraStyle) ?? styles.DefaultSize;
            bool bold = rPr?.Bold is { } b ? b.Val is null || b.Val.Value : styles.Bold(charStyle) ?? styles.Bold(_paraStyle) ?? styles.DefaultBold;
            _size = Math.Max(_size ?? 0, size);
            _allBold &= bold;
            _anyText = true;
        }

        private void Append(string text)
        {
            _segments?[^1].Append(text);
            _stream.Append(text);
        }

        // ---- bookmarks ----------------------------------------------------------------------------

        private void StartMark(BookmarkStart bs, bool inParagraph, string path)
        {
            var name = bs.Name?.Value;
            var id = bs.Id?.Value;
            if (string.IsNullOrEmpty(name) || id is null || name.StartsWith('_')) return; // _GoBack, _Toc…, _Hlk…: Word's own
            var mark = new OpenMark { Name = name, Path = path, Start = _stream.Length, StartPara = inParagraph ? _paragraphs - 1 : _paragraphs };
            _open[id] = mark;
            _marks.Add(mark);
        }

        private void EndMark(BookmarkEnd be, bool inParagraph)
        {
            if (be.Id?.Value is not { } id || !_open.Remove(id, out var mark)) return;
            mark.End = _stream.Length;
            mark.EndPara = inParagraph ? _paragraphs - 1 : _paragraphs - 1;
        }

        public List<DocxBookmark> Bookmarks()
        {
            var stream = _stream.ToString();
            var result = new List<DocxBookmark>();
            var byName = _marks.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var m in _marks)
            {
                var end = m.End < 0 ? stream.Length : m.End;
                var raw = stream[m.Start..Math.Max(m.Start, end)];
                // A point NAME closed by a later point END_NAME: the text between the two.
                if (raw.Trim().Length == 0 && byName.TryGetValue("END_" + m.Name, out var closer) && closer.Start >= m.Start)
                    raw = stream[m.Start..closer.Start];
                var lineEnd = stream.IndexOf('\n', m.Start);
                var after = stream[m.Start..(lineEnd < 0 ? stream.Length : lineEnd)];
                int? table = null;
                foreach (var (index, first, last) in _tableParas)
                    if (m.StartPara <= first && m.End >= 0 && m.EndPara >= last) { table = index; break; }
                result.Add(new DocxBookmark(m.Name, Clean(raw), TextNormalizer.Normalize(after), m.Path, table));
            }
            return result;
        }

        private static string Clean(string raw) =>
            string.Join("\n", raw.Split('\n').Select(TextNormalizer.Normalize).Where(t => t.Length > 0));

        // ---- tables -------------------------------------------------------------------------------

        private sealed class Slot
        {
            public string Text = "";
            public string? Path;
            public int Row;
            public int RowSpan = 1;
            public int ColSpan = 1;
            public Slot? Origin;
        }

        private void Table(Table table, string path)
        {
            var firstPara = _paragraphs;
            var grid = new List<List<Slot>>();
            var rowPaths = new List<string>();
            var rowIndex = 0;
            foreach (var (row, rowPath) in Children(table, path, "tr"))
            {
                cancellation.ThrowIfCancellationRequested();
                var slots = new List<Slot>();
                var before = row.GetFirstChild<TableRowProperties>()?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < before; i++) slots.Add(new Slot { Row = grid.Count });
                foreach (var (cell, cellPath) in Children(row, rowPath, "tc"))
                {
                    var props = cell.GetFirstChild<TableCellProperties>();
                    var span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                    var vMerge = props?.VerticalMerge;
                    var text = CellText(cell, cellPath);
                    var col = slots.Count;
                    var continues = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                    Slot? origin = null;
                    if (continues && grid.Count > 0 && col < grid[^1].Count)
                    {
                        var upper = grid[^1][col];
                        origin = upper.Origin ?? upper;
                    }
                    if (origin is not null)
                    {
                        origin.RowSpan = grid.Count - origin.Row + 1;
                        for (var s = 0; s < span; s++) slots.Add(new Slot { Row = grid.Count, Origin = origin });
                        if (text.Length > 0) origin.Text = TextNormalizer.Join(origin.Text, text);
                    }
                    else
                    {
                        var slot = new Slot { Text = text, Path = cellPath, Row = grid.Count, ColSpan = span };
                        slots.Add(slot);
                        for (var s = 1; s < span; s++) slots.Add(new Slot { Row = grid.Count, Origin = slot });
                    }
                }
                grid.Add(slots);
                rowPaths.Add(rowPath);
                rowIndex++;
            }
            var lastPara = _paragraphs - 1;
            if (grid.Count == 0) return;
            var width = grid.Max(r => r.Count);
            foreach (var r in grid) while (r.Count < width) r.Add(new Slot { Row = grid.IndexOf(r) });

            // Leading title / 公开NN表 / 单位 rows are the caption, not the grid.
            var captionRows = 0;
            while (captionRows < grid.Count - 1 && Captions.IsCaptionRow(OriginTexts(grid[captionRows]))) captionRows++;
            var body = grid.Skip(captionRows).ToList();
            var bodyPaths = rowPaths.Skip(captionRows).ToList();
            var nonEmptyBody = body.Count(r => r.Any(s => s.Origin is null && s.Text.Length > 0));
            if (nonEmptyBody < 2 || width < 2)
            {
                // A layout table (a framed paragraph, a signature block): its text is prose, not a table.
                for (var i = 0; i < grid.Count; i++)
                {
                    var text = string.Join(" ", OriginTexts(grid[i]).Where(t => t.Length > 0));
                    if (text.Length > 0) Emit(text, styles.DefaultSize, false, 0, rowPaths[i]);
                }
                return;
            }

            var tableStartLine = Lines.Count;
            var caption = new List<string>();
            var above = new List<string>();
            for (var i = Lines.Count - 1; i >= _tableBoundary && above.Count < 5; i--)
            {
                if (!Captions.MayBeCaptionLine(Lines[i].Text)) break;
                above.Insert(0, Lines[i].Text);
            }
            var firstCaption = above.FindIndex(Captions.IsCaptionText);
            if (firstCaption >= 0) caption.AddRange(above[firstCaption..]);
            for (var i = 0; i < captionRows; i++)
            {
                var texts = OriginTexts(grid[i]).Where(t => t.Length > 0).Distinct().ToList();
                caption.AddRange(texts);
                foreach (var t in texts) Emit(t, styles.DefaultSize, false, 0, rowPaths[i]);
            }

            var rows = new List<RawRow>();
            for (var i = 0; i < body.Count; i++)
            {
                var cells = body[i].Select(s => s.Origin is { } o
                    ? o.Row < captionRows ? new RawCell("") : RawCell.Covered()
                    : new RawCell(s.Text, null, Math.Min(s.RowSpan, grid.Count - s.Row), s.ColSpan) { Path = s.Path }).ToList();
                rows.Add(new RawRow(cells, 1));
                // One line per cell, as the text reader gives them: joining a row would run its numbers together.
                foreach (var c in cells.Where(c => !c.IsCovered && c.Text.Length > 0))
                    Emit(c.Text, styles.DefaultSize, false, 0, c.Path ?? bodyPaths[i]);
            }
            // A table broken by a page break (or a "续表" line) into a second Word table with the same columns and no
            // caption of its own continues the previous one; its repeated header rows are dropped.
            if (Tables.Count > 0 && captionRows == 0 && caption.All(c => ContinuationNote().IsMatch(TextNormalizer.Compact(c)))
                && OnlyContinuationSince(_tableBoundary, tableStartLine) && Tables[^1].ColumnCount == width)
            {
                var previous = Tables[^1];
                var repeated = 0;
                while (repeated < rows.Count && repeated < previous.Rows.Count && SameTexts(rows[repeated], previous.Rows[repeated])) repeated++;
                if (repeated == rows.Count) repeated = 0;
                Tables[^1] = previous with { Rows = [.. previous.Rows, .. rows.Skip(repeated)] };
                _tableParas[^1] = (_tableParas[^1].Table, _tableParas[^1].FirstPara, lastPara);
                _tableBoundary = Lines.Count;
                return;
            }
            _tableBoundary = Lines.Count;
            _tableParas.Add((Tables.Count, firstPara, lastPara));
            Tables.Add(new RawTable(rows, 1, 1, null, "docx") { Caption = caption });
        }

        private static bool SameTexts(RawRow a, RawRow b) =>
            a.Cells.Count == b.Cells.Count && a.Cells.Zip(b.Cells).All(p => p.First.Text == p.Second.Text && p.First.IsCovered == p.Second.IsCovered);

        /// <summary>No line between the previous table and this one except a 续表 / (续) note.</summary>
        private bool OnlyContinuationSince(int from, int to)
        {
            for (var i = from; i < to; i++)
                if (!ContinuationNote().IsMatch(TextNormalizer.Compact(Lines[i].Text))) return false;
            return true;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(续表\d*|[(（]续[)）]|接上表|续上表)[:：]?$")]
        private static partial System.Text.RegularExpressions.Regex ContinuationNote();

        private static List<string> OriginTexts(List<Slot> row) => row.Where(s => s.Origin is null).Select(s => s.Text).ToList();

        /// <summary>Rows of a table / cells of a row, looking through content controls and custom XML around them.</summary>
        private static IEnumerable<(T Element, string Path)> Children<T>(OpenXmlElement parent, string path, string localName) where T : OpenXmlElement =>
            ChildrenOf(parent, path, localName).Where(x => x.Element is T).Select(x => ((T)x.Element, x.Path));

        private static IEnumerable<(TableRow Element, string Path)> Children(Table table, string path, string localName) =>
            Children<TableRow>(table, path, localName);

        private static IEnumerable<(TableCell Element, string Path)> Children(TableRow row, string path, string localName) =>
            Children<TableCell>(row, path, localName);

        private static IEnumerable<(OpenXmlElement Element, string Path)> ChildrenOf(OpenXmlElement parent, string path, string localName)
        {
            var counts = new Dictionary<string, int>();
            foreach (var child in parent.ChildElements)
            {
                counts[child.LocalName] = counts.GetValueOrDefault(child.LocalName) + 1;
                var childPath = $"{path}/w:{child.LocalName}[{counts[child.LocalName]}]";
                if (child.LocalName == localName) yield return (child, childPath);
                else if (child.LocalName is "sdt" or "sdtContent" or "customXml")
                    foreach (var inner in ChildrenOf(child, childPath, localName)) yield return inner;
            }
        }

        /// <summary>A cell's paragraphs (and nested tables) joined into one text; bookmarks inside are still tracked.</summary>
        private string CellText(TableCell cell, string path)
        {
            var parts = new List<string>();
            CellBlocks(cell, path, parts);
            return parts.Where(p => p.Length > 0).Aggregate("", TextNormalizer.Join);
        }

        private void CellBlocks(OpenXmlElement container, string path, List<string> parts)
        {
            var counts = new Dictionary<string, int>();
            foreach (var child in container.ChildElements)
            {
                counts[child.LocalName] = counts.GetValueOrDefault(child.LocalName) + 1;
                var childPath = $"{path}/w:{child.LocalName}[{counts[child.LocalName]}]";
                switch (child)
                {
                    case Paragraph p:
                        var (segments, _) = Paragraph(p, childPath);
                        parts.AddRange(segments.Select(TextNormalizer.Normalize));
                        break;
                    case Table nested:
                        foreach (var (row, rowPath) in Children(nested, childPath, "tr"))
                        foreach (var (c, cPath) in Children(row, rowPath, "tc"))
                            parts.Add(CellText(c, cPath));
                        break;
                    case BookmarkStart bs:
                        StartMark(bs, inParagraph: false, childPath);
                        break;
                    case BookmarkEnd be:
                        EndMark(be, inParagraph: false);
                        break;
                    default:
                        if (child.LocalName is "sdt" or "sdtContent" or "customXml") CellBlocks(child, childPath, parts);
                        break;
                }
            }
        }
    }
}
