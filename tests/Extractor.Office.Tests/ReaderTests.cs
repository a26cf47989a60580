using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Office.Archives;
using Extractor.Office.Bookmarks;
using Extractor.Office.Docx;
using Extractor.Office.Legacy;
using Extractor.Office.Xlsx;
using static Extractor.Office.Tests.OfficeFixtures;

namespace Extractor.Office.Tests;

public sealed class ReaderTests : IDisposable
{
    private readonly string _dir = TempDir();

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static TableCell Cell(string text, int span = 1, MergedCellValues? vMerge = null, bool vContinue = false)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vMerge is { } v) props.Append(new VerticalMerge { Val = v });
        else if (vContinue) props.Append(new VerticalMerge());
        return new TableCell(props, new Paragraph(TextRun(text)));
    }

    [Fact]
    public void Docx_MergedCells_BookmarksAndPaths()
    {
        var path = Path.Combine(_dir, "merged.docx");
        WriteDocx(path, (body, _) =>
        {
            body.Append(Para("一般公共预算财政拨款“三公”经费支出决算表", "Heading2"));
            body.Append(Para("金额单位：万元"));
            body.Append(new BookmarkStart { Name = "GK07", Id = "900" });
            body.Append(new Table(
                new TableRow(Cell("项目", vMerge: MergedCellValues.Restart), Cell("预算数", span: 2), Cell("决算数", vMerge: MergedCellValues.Restart)),
                new TableRow(Cell("", vContinue: true), Cell("合计"), Cell("公务接待费"), Cell("", vContinue: true)),
                new TableRow(Cell("三公"), Cell("2.5"), Cell("2.5"), Cell("1.5"))));
            body.Append(new BookmarkEnd { Id = "900" });
            body.Append(Para("注：{bm:NOTE}本表为空{/bm}的说明。"));
        });
        var content = new DocxDocumentReader().Read(path, new ReadLimits());

        var table = Assert.Single(content.NativeTables);
        Assert.Equal("docx", table.Method);
        Assert.Equal(["一般公共预算财政拨款“三公”经费支出决算表", "金额单位:万元"], table.Caption);
        Assert.Equal(3, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(4, r.Cells.Count));
        var head = table.Rows[0].Cells;
        Assert.Equal(("项目", 2, 1), (head[0].Text, head[0].RowSpan, head[0].ColSpan));
        Assert.Equal(("预算数", 1, 2), (head[1].Text, head[1].RowSpan, head[1].ColSpan));
        Assert.True(head[2].IsCovered);
        Assert.Equal(("决算数", 2), (head[3].Text, head[3].RowSpan));
        Assert.True(table.Rows[1].Cells[0].IsCovered);
        Assert.True(table.Rows[1].Cells[3].IsCovered);
        Assert.Equal("合计", table.Rows[1].Cells[1].Text);
        Assert.Equal("/w:body/w:tbl[1]/w:tr[3]/w:tc[4]", table.Rows[2].Cells[3].Path);

        // Heading → outline and a bold, larger line; every line has its element path.
        Assert.Contains(content.Outline, o => o.Level == 2 && o.Title.StartsWith("一般公共预算"));
        var lines = content.Pages[0].Lines;
        Assert.True(lines[0].Bold && lines[0].FontSize > lines[1].FontSize);
        Assert.Equal("/w:body/w:p[1]", content.LinePaths[(1, 0)]);
        Assert.Equal(lines.Count, content.LinePaths.Count);

        var bookmarks = DocxBookmarks.Of(content);
        Assert.Equal(0, bookmarks.Single(b => b.Name == "GK07").Table);
        Assert.Equal("本表为空", bookmarks.Single(b => b.Name == "NOTE").Text);
        var evidence = BookmarkEvidence.From(content);
        Assert.Equal("final.t07_three_public", Assert.Single(evidence.Tables).TableId);
    }

    [Fact]
    public void Docx_AutomaticNumbering_IsPrinted()
    {
        var path = Path.Combine(_dir, "numbered.docx");
        WriteDocx(path, (body, main) =>
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "%1、" }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "（%2）" }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
            Paragraph Numbered(string text, int level)
            {
                var p = Para(text, level == 0 ? "Heading2" : "Heading3");
                p.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 7 }));
                return p;
            }
            body.Append(Numbered("部门职责", 0), Numbered("机构设置", 0), Numbered("内设机构", 1), Numbered("决算单位构成", 1), Numbered("收入支出决算总体情况说明", 0));
            for (var i = 0; i < 9; i++) body.Append(Numbered("项目" + i, 0));
        });
        var lines = new DocxDocumentReader().Read(path, new ReadLimits()).Pages[0].Lines.Select(l => l.Text).ToList();
        Assert.Equal(["一、部门职责", "二、机构设置", "(一)内设机构", "(二)决算单位构成", "三、收入支出决算总体情况说明"], lines.Take(5));
        Assert.Equal("十二、项目8", lines[^1]);
    }

    [Fact]
    public void Xlsx_StoredValues_HiddenRowsAndSheets_Merges()
    {
        var path = Path.Combine(_dir, "seed003.xlsx");
        Seed003Xlsx(path);
        var content = new XlsxDocumentReader().Read(path, new ReadLimits());
        Assert.Equal(9, content.Pages.Count);
        Assert.Equal(9, content.NativeTables.Count);
        var all = string.Join("\n", content.Pages.SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.DoesNotContain("隐藏", all);
        var t01 = content.NativeTables[0];
        Assert.Contains("收入支出决算总表", t01.Caption);
        Assert.Contains(t01.Caption, c => c.Contains("单位"));
        // 105.06 stored with binary noise and shown as "105.06" by "#,##0.00": read as the plain stored value.
        Assert.Contains(t01.Rows.SelectMany(r => r.Cells), c => c.Text == "105.06");
        Assert.DoesNotContain(t01.Rows.SelectMany(r => r.Cells), c => c.Text.Contains("E-") || c.Text.Contains("000000"));
        Assert.StartsWith("'公开01表'!", t01.Rows[0].Cells.First(c => !c.IsCovered).Path);
        Assert.Contains(t01.Rows.SelectMany(r => r.Cells), c => c.ColSpan > 1);
    }

    [Fact]
    public void BookmarkFact_ThatDisagreesWithTheTable_FailsItsCheck()
    {
        var bookmarks = new List<DocxBookmark>
        {
            new("THERR_GWJDF_AMT", "2.00", "2、公务接待费支出决算为2.00万元", "/w:body/w:p[40]", null),
            new("END_THERR_YGCGJFY_AMT", "", "1、因公出国（境）费支出决算为0万元,全年安排团组0个。", "/w:body/w:p[39]", null),
            new("THERR_GWYCGZF_AMT", "", "公务用车购置费支出1,200元", "/w:body/w:p[41]", null),
        };
        var content = new DocumentContent("x", "x.docx", OfficeMediaTypes.Docx, [], [],
            new Dictionary<string, string> { [DocxBookmarks.InfoKey] = JsonSerializer.Serialize(bookmarks) });
        var facts = new List<Fact>
        {
            new() { Key = "three_public.reception", Value = 1.5m, Provenance = new Provenance { Kind = "table", Table = "final.t07_three_public", Page = 11 } },
            new() { Key = "three_public.overseas", Value = 0m, Provenance = new Provenance { Kind = "text", Page = 3 } },
        };
        var checks = new BookmarkCheckRunner(null).Run(content, new ReportDocument { Sha256 = "x", Source = "x", MediaType = "x" }, [], facts, []);

        var reception = Assert.Single(checks, c => c.Message!.StartsWith("three_public.reception"));
        Assert.Equal((CheckStatus.Fail, 1.5m, 2.00m), (reception.Status, reception.Expected!.Value, reception.Actual!.Value));
        Assert.Equal(["table", "bookmark"], reception.Evidence.Select(e => e.Kind));
        Assert.Equal(CheckStatus.Pass, Assert.Single(checks, c => c.Message!.StartsWith("three_public.overseas")).Status);
        var purchase = Assert.Single(checks, c => c.Message!.StartsWith("three_public.vehicle_purchase"));
        Assert.Equal((CheckStatus.InsufficientData, 0.12m), (purchase.Status, purchase.Actual!.Value));
    }

    [Fact]
    public void BookmarkMap_IsDataAndResolvesEndMarkers()
    {
        var map = BookmarkMap.Default;
        Assert.Equal("three_public.overseas", map.Resolve("END_THERR_YGCGJFY_AMT")!.Target);
        Assert.Equal(BookmarkTarget.Reason, map.Resolve("THERR_YGCGJFY_ZYYY")!.Kind);
        Assert.Equal("final.t03_expenditure", map.Resolve("GK03_TABLE")!.Target);
        Assert.Null(map.Resolve("_GoBack"));
        Assert.All(map.Entries, e => Assert.Matches(@"^(final|budget)\.t\d\d_|^[a-z_]+(\.[a-z_]+)*$", e.Target));
    }

    [Fact]
    public void LegacyFormat_WithoutLibreOffice_FailsAsUnsupported()
    {
        var doc = Path.Combine(_dir, "old.doc");
        File.WriteAllBytes(doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]]);
        var reader = new LegacyOfficeReader(new LibreOfficeConverter { Executable = Path.Combine(_dir, "no-soffice-here") });
        Assert.True(reader.CanRead(OfficeMediaTypes.Doc));
        var e = Assert.Throws<ExtractionException>(() => reader.Read(doc, new ReadLimits()));
        Assert.Equal("unsupported_format", e.Reason);
        Assert.Equal("unsupported format (install LibreOffice to read .doc)", e.Message);
    }

    [Fact]
    public void Zip_MembersWithinLimits_NestedArchivesOpened()
    {
        var docx = Path.Combine(_dir, "a.docx");
        Seed000Docx(docx);
        var inner = Path.Combine(_dir, "inner.zip");
        using (var z = ZipFile.Open(inner, ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(docx, "附件/决算.docx");
            z.CreateEntry("__MACOSX/._x");
        }
        var outer = Path.Combine(_dir, "outer.zip");
        using (var z = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(inner, "inner.zip");
            z.CreateEntryFromFile(docx, "说明.docx");
            z.CreateEntry("空目录/");
            using (var w = new StreamWriter(z.CreateEntry("big.txt").Open())) w.Write(new string('0', 100_000));
        }
        var result = ZipAttachments.Expand(outer, Path.Combine(_dir, "out"), new ZipLimits(MaxMemberBytes: 50_000), foundOn: "https://example.gov.cn/a.zip");
        Assert.Equal(["inner.zip!/附件/决算.docx", "说明.docx"], result.Members.Select(m => m.ArchivePath[(m.ArchivePath.IndexOf('!') + 2)..]).Order());
        Assert.All(result.Members, m => Assert.Equal("https://example.gov.cn/a.zip", m.FoundOn));
        Assert.All(result.Members, m => Assert.True(File.Exists(m.ExtractedPath) && m.ExtractedPath.EndsWith(".docx")));
        Assert.Contains(result.Skipped, s => s.Contains("big.txt"));

        var shallow = ZipAttachments.Expand(outer, Path.Combine(_dir, "out2"), new ZipLimits(MaxDepth: 1));
        Assert.Contains(shallow.Skipped, s => s.Contains("nested"));
    }

    /// <summary>
    /// Issue 18, item 1: a zip inside a zip inside a zip. Unpacked members used to be named by a count that did not
    /// move while a nested archive was walked, so the inner zip was written over the middle one, still open: the whole
    /// archive failed. Members named with ".." are listed as skipped, not dropped in silence.
    /// </summary>
    [Fact]
    public void Zip_ArchiveNestedTwice_KeepsEveryMember_AndNamesUnsafeEntries()
    {
        var inner = Path.Combine(_dir, "inner.zip");
        using (var z = ZipFile.Open(inner, ZipArchiveMode.Create))
            using (var w = new StreamWriter(z.CreateEntry("c.txt").Open())) w.Write("inner");
        var mid = Path.Combine(_dir, "mid.zip");
        using (var z = ZipFile.Open(mid, ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(inner, "inner.zip");
            using (var w = new StreamWriter(z.CreateEntry("a.txt").Open())) w.Write("middle");
        }
        var outer = Path.Combine(_dir, "m2.zip");
        using (var z = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(mid, "mid.zip");
            using (var w = new StreamWriter(z.CreateEntry("b.txt").Open())) w.Write("outer");
            using (var w = new StreamWriter(z.CreateEntry("../../escape.txt").Open())) w.Write("unsafe");
        }

        var deep = ZipAttachments.Expand(outer, Path.Combine(_dir, "deep"), new ZipLimits(MaxDepth: 3));
        Assert.Equal(["m2.zip!/b.txt", "m2.zip!/mid.zip!/a.txt", "m2.zip!/mid.zip!/inner.zip!/c.txt"],
            deep.Members.Select(m => m.ArchivePath[(_dir.Length + 1)..]).Order(StringComparer.Ordinal));
        Assert.Equal(["inner", "middle", "outer"], deep.Members.Select(m => File.ReadAllText(m.ExtractedPath)).Order(StringComparer.Ordinal));
        Assert.Equal(3, deep.Members.Select(m => m.ExtractedPath).Distinct().Count());
        Assert.Contains(deep.Skipped, s => s.Contains("../../escape.txt") && s.Contains("unsafe"));

        var shallow = ZipAttachments.Expand(outer, Path.Combine(_dir, "shallow"));
        Assert.Equal(["m2.zip!/b.txt", "m2.zip!/mid.zip!/a.txt"], shallow.Members.Select(m => m.ArchivePath[(_dir.Length + 1)..]).Order(StringComparer.Ordinal));
        Assert.Contains(shallow.Skipped, s => s.Contains("inner.zip") && s.Contains("nested"));
    }

    [Fact]
    public void Corrupt_OfficeFiles_FailWithAReason()
    {
        var docx = Path.Combine(_dir, "broken.docx");
        Seed000Docx(docx);
        using (var z = ZipFile.Open(docx, ZipArchiveMode.Update))
        {
            z.GetEntry("word/document.xml")!.Delete();
            using var w = new StreamWriter(z.CreateEntry("word/document.xml").Open());
            w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>截断");
        }
        Assert.Equal("corrupt", Assert.Throws<ExtractionException>(() => new Extractor.Pipeline.ReportExtractor().Extract(docx)).Reason);

        var xlsx = Path.Combine(_dir, "broken.xlsx");
        Seed003Xlsx(xlsx);
        using (var z = ZipFile.Open(xlsx, ZipArchiveMode.Update))
        {
            var sheet = z.Entries.First(e => e.FullName.StartsWith("xl/worksheets/"));
            var name = sheet.FullName;
            sheet.Delete();
            using var w = new StreamWriter(z.CreateEntry(name).Open());
            w.Write("<worksheet><sheetData><row r=");
        }
        Assert.Equal("corrupt", Assert.Throws<ExtractionException>(() => new XlsxDocumentReader().Read(xlsx, new ReadLimits())).Reason);
    }

    /// <summary>
    /// Issue 18, item 12, found by scripts/attack: a Word file declaring a DTD (a "billion laughs" file) failed with the
    /// XML library's advice to programmers ("… set the DtdProcessing property on XmlReaderSettings …"), and a .docx or
    /// .xlsx whose zip is cut short, or holds no document, or random bytes under an Office name, failed as
    /// "unsupported format (application/zip)". Each is a damaged Word or Excel file, said in words.
    /// </summary>
    [Fact]
    public void Damaged_office_files_fail_as_corrupt_in_words_a_user_can_act_on()
    {
        var good = Path.Combine(_dir, "good.docx");
        Seed000Docx(good);
        var bytes = File.ReadAllBytes(good);
        var laughs = Path.Combine(_dir, "laughs.docx");
        File.Copy(good, laughs);
        using (var z = ZipFile.Open(laughs, ZipArchiveMode.Update))
        {
            z.GetEntry("word/document.xml")!.Delete();
            using var w = new StreamWriter(z.CreateEntry("word/document.xml").Open());
            w.Write("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>");
        }
        var noDocument = Path.Combine(_dir, "no-document.docx");
        File.Copy(good, noDocument);
        using (var z = ZipFile.Open(noDocument, ZipArchiveMode.Update)) z.GetEntry("word/document.xml")!.Delete();
        var truncated = Path.Combine(_dir, "truncated.docx");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var random = Path.Combine(_dir, "random.xlsx");
        File.WriteAllBytes(random, new Random(18).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 5000));

        foreach (var (path, says) in new[] { (laughs, "DTD"), (noDocument, "word/document.xml"), (truncated, "damaged or cut short"), (random, "Excel") })
        {
            var e = Assert.Throws<ExtractionException>(() => new Extractor.Pipeline.ReportExtractor().Extract(path));
            Assert.Equal("corrupt", e.Reason);
            Assert.Contains(says, e.Message);
            Assert.Contains(path.EndsWith(".xlsx") ? "Excel" : "Word", e.Message);
            Assert.DoesNotContain("XmlReaderSettings", e.Message);
            Assert.DoesNotContain("application/", e.Message);
        }
    }

    /// <summary>
    /// Issue 18, item 8 for Office files, found by scripts/attack: 1 MB of .docx whose document.xml inflates to 1 GB took
    /// 2.4 GB of memory and failed as an internal error (OutOfMemory). A part over the limit is refused as too_large;
    /// a part just over it (136M characters) was read, blank, and stored as ok.
    /// </summary>
    [Theory]
    [InlineData("docx", "word/document.xml")]
    [InlineData("xlsx", "xl/worksheets/sheet1.xml")]
    public void An_office_part_that_inflates_past_the_limit_is_refused_as_too_large(string extension, string part)
    {
        var good = Path.Combine(_dir, "good." + extension);
        if (extension == "docx") Seed000Docx(good); else Seed003Xlsx(good);
        var bomb = Path.Combine(_dir, "bomb." + extension);
        File.Copy(good, bomb);
        using (var z = ZipFile.Open(bomb, ZipArchiveMode.Update))
        {
            var entry = z.GetEntry(part) ?? z.Entries.First(e => e.FullName.StartsWith("xl/worksheets/"));
            var name = entry.FullName;
            entry.Delete();
            using var w = z.CreateEntry(name, CompressionLevel.Fastest).Open();
            w.Write(extension == "docx"
                ? "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8
                : "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 136; i++) w.Write(spaces);
            w.Write(extension == "docx" ? "</w:t></w:r></w:p></w:body></w:document>"u8 : "</t></is></c></row></sheetData></worksheet>"u8);
        }
        Assert.True(new FileInfo(bomb).Length < 4 << 20);
        var e = Assert.Throws<ExtractionException>(() => new Extractor.Pipeline.ReportExtractor().Extract(bomb));
        Assert.Equal("too_large", e.Reason);
        Assert.Contains("decompression bomb", e.Message);
    }

    /// <summary>
    /// Issue 18, item 15: Word forms of a report lost kind, agency or year when the report states them only where a
    /// Word file keeps them — the page header printed on page 1, or the document's title property (a web page saved
    /// as Word keeps its &lt;title&gt; there). The header is read as page 1's first line, the title property as the
    /// PDF's document-information title (the year when none is printed).
    /// </summary>
    [Fact]
    public void Docx_TitleInTheHeaderOrTheTitlePropertyGivesTheDocumentFields()
    {
        void Body(DocumentFormat.OpenXml.Wordprocessing.Body body)
        {
            body.Append(OfficeFixtures.Para("一、部门主要职能", "Heading1"));
            body.Append(OfficeFixtures.Para("负责全区民政工作。"));
            body.Append(OfficeFixtures.Para("二、收入支出决算总体情况说明", "Heading1"));
            body.Append(OfficeFixtures.Para("本年度收入、支出总计均为553.29万元。"));
        }
        var inHeader = Path.Combine(_dir, "header.docx");
        OfficeFixtures.WriteDocx(inHeader, (body, main) =>
        {
            Body(body);
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new DocumentFormat.OpenXml.Wordprocessing.Header(OfficeFixtures.Para("某某区民政局2024年度部门决算"));
            body.Append(new DocumentFormat.OpenXml.Wordprocessing.SectionProperties(
                new DocumentFormat.OpenXml.Wordprocessing.HeaderReference { Id = main.GetIdOfPart(header), Type = DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.Default }));
        });
        var fromHeader = new Extractor.Pipeline.ReportExtractor().Extract(inHeader).Document;
        Assert.Equal(("final_account", "某某区民政局", 2024), (fromHeader.Kind, fromHeader.Agency, fromHeader.FiscalYear));

        var inProperties = Path.Combine(_dir, "properties.docx");
        OfficeFixtures.WriteDocx(inProperties, (body, _) => Body(body));
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(inProperties, true))
            doc.PackageProperties.Title = "某某区民政局2024年度部门决算";
        var fromProperties = new Extractor.Pipeline.ReportExtractor().Extract(inProperties).Document;
        Assert.Equal(2024, fromProperties.FiscalYear);
        Assert.Equal("document_properties.title", fromProperties.Evidence["fiscal_year"].Source);
    }

    [Fact]
    public void Docx_TextBoxesAndContinuedTables()
    {
        var path = Path.Combine(_dir, "continued.docx");
        TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(new Paragraph(TextRun(c)))));
        WriteDocx(path, (body, _) =>
        {
            body.Append(new Paragraph(new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(new Paragraph(TextRun("2022年度部门决算公开"))))))), TextRun("封面")));
            body.Append(Para("支出决算表"));
            body.Append(new Table(Row("科目编码", "科目名称", "合计"), Row("208", "社会保障和就业支出", "290.22")));
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Para("续表"));
            body.Append(new Table(Row("科目编码", "科目名称", "合计"), Row("210", "卫生健康支出", "263.07")));
        });
        var content = new DocxDocumentReader().Read(path, new ReadLimits());
        var lines = content.Pages[0].Lines.Select(l => l.Text).ToList();
        Assert.Equal(["封面", "2022年度部门决算公开"], lines.Take(2));
        Assert.Equal("/w:body/w:p[1]/w:txbxContent[1]/w:p[1]", content.LinePaths[(1, 1)]);
        var table = Assert.Single(content.NativeTables);
        Assert.Equal(["科目编码", "208", "210"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(["支出决算表"], table.Caption);
    }

    [Fact]
    public void Xlsx_NumberFormats_AreStoredValues()
    {
        var path = Path.Combine(_dir, "formats.xlsx");
        using (var doc = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new X.Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new X.Stylesheet(
                new X.NumberingFormats(new X.NumberingFormat { NumberFormatId = 170, FormatCode = "#,##0.00\"元\"" },
                    new X.NumberingFormat { NumberFormatId = 171, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new X.Fonts(new X.Font()), new X.Fills(new X.Fill(), new X.Fill()), new X.Borders(new X.Border()),
                new X.CellFormats(new X.CellFormat(), new X.CellFormat { NumberFormatId = 10 }, new X.CellFormat { NumberFormatId = 14 },
                    new X.CellFormat { NumberFormatId = 170 }, new X.CellFormat { NumberFormatId = 171 }));
            var ws = wb.AddNewPart<WorksheetPart>();
            X.Cell N(string r, string v, uint style) => new() { CellReference = r, CellValue = new X.CellValue(v), StyleIndex = style };
            X.Cell S(string r, string v) => new() { CellReference = r, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(v)) };
            ws.Worksheet = new X.Worksheet(new X.SheetData(
                new X.Row(S("A1", "项目"), S("B1", "金额"), S("C1", "增长率"), S("D1", "日期"), S("E1", "填报")) { RowIndex = 1 },
                new X.Row(S("A2", "合计"), N("B2", "86959408.34", 3), N("C2", "0.13679999999999998", 1), N("D2", "45657", 2), N("E2", "45657", 4)) { RowIndex = 2 },
                new X.Row(S("A3", "其他"), N("B3", "1.2E-3", 0), N("C3", "-0.5", 1), S("D3", ""), S("E3", "")) { RowIndex = 3 },
                new X.Row(S("XFD1048576", "stray")) { RowIndex = 1048576 }));
            wb.Workbook.AppendChild(new X.Sheets(new X.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
            wb.Workbook.Save();
        }
        var content = new XlsxDocumentReader().Read(path, new ReadLimits());
        Assert.DoesNotContain(content.Pages[0].Lines, l => l.Text == "stray");
        var table = Assert.Single(content.NativeTables);
        Assert.Equal(5, table.ColumnCount);
        Assert.Equal(["合计", "86959408.34", "13.68%", "2024-12-31", "2024-12-31"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["其他", "0.0012", "-50%"], table.Rows[2].Cells.Take(3).Select(c => c.Text));
    }
}
