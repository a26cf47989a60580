using System.Security.Cryptography;
using System.Text;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Readers.Text;

/// <summary>
/// Reads plain-text renderings of reports (the seeds): form feeds separate pages, tab-separated
/// blocks are tables (method "text"), every non-empty line is a page line. Text has no geometry,
/// so boxes stay default and provenance is the page alone.
/// </summary>
public sealed class TextFileReader : IDocumentReader
{
    public const string MediaType = "text/plain";

    public bool CanRead(string mediaType) => mediaType == MediaType;

    public DocumentContent Read(string path, ReadLimits limits)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes);
        var pages = new List<PageContent>();
        var tables = new List<RawTable>();
        var paths = new Dictionary<(int Page, int Line), string>();
        var pageTexts = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\f');
        for (var i = 0; i < pageTexts.Length && i < limits.MaxPages; i++)
        {
            limits.Cancellation.ThrowIfCancellationRequested();
            var number = i + 1;
            var rawLines = pageTexts[i].Split('\n');
            var spans = TextTableParser.ParseSpans(rawLines, number);
            var lines = new List<TextLine>();
            for (var r = 0; r < rawLines.Length; r++)
            {
                var normalized = TextNormalizer.Normalize(rawLines[r]);
                if (normalized.Length == 0) continue;
                // A table's lines carry the table's path, as its cells do, so that prose is told from table text.
                var span = spans.Select((s, k) => (s, k)).FirstOrDefault(x => r >= x.s.First && r <= x.s.Last);
                if (span.s.Table is not null) paths[(number, lines.Count)] = TablePath(number, span.k);
                lines.Add(new TextLine(normalized, default, []));
            }
            pages.Add(new PageContent(number, 0, 0, [], lines, []));
            tables.AddRange(spans.Select((s, k) => WithPath(s.Table, TablePath(number, k))));
        }
        return new DocumentContent(Convert.ToHexStringLower(SHA256.HashData(bytes)), path, MediaType, pages, [],
            new Dictionary<string, string>()) { NativeTables = tables, LinePaths = paths };
    }

    private static string TablePath(int page, int table) => $"page{page}-table{table + 1}";

    private static RawTable WithPath(RawTable t, string path) => t with
    {
        Rows = t.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Path = path }).ToList() }).ToList(),
    };

    /// <summary>UTF-8 (with or without BOM); GB18030 when the bytes are not valid UTF-8, as older portals save them.</summary>
    private static string Decode(byte[] bytes)
    {
        try { return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
