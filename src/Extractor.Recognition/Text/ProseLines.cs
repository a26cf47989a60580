using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Text;

/// <summary>
/// The document as prose: each page's lines without those printed inside a reported table, whatever found the
/// table (ruled, stream, OCR, markup). Text facts and text-vs-table checks read this, so a table page is never
/// read as narrative "stating" its own cells, and a table's 0.00 is never "the text states 0".
/// A PDF line is a table's when its centre lies in the table's region on that page; a line of a web page, Word
/// or text file when its element path is a reported row's, or within a few steps above one (the table itself).
/// </summary>
public static class ProseLines
{
    /// <summary>Element steps from a table element down to its rows (table › tbody › tr; HTML parsing always adds the tbody): a line whose path is that
    /// close above a row is the table's own title row, not prose around it.</summary>
    private const int MaxStepsAboveRow = 2;

    // Facts and checks both ask for the prose of one document and its tables: build it once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentContent, Tuple<IReadOnlyList<ReportTable>, DocumentContent>> Cache = new();

    public static DocumentContent Of(DocumentContent content, IReadOnlyList<ReportTable> tables)
    {
        if (Cache.TryGetValue(content, out var hit) && ReferenceEquals(hit.Item1, tables)) return hit.Item2;
        var prose = Build(content, tables);
        Cache.AddOrUpdate(content, Tuple.Create(tables, prose));
        return prose;
    }

    private static DocumentContent Build(DocumentContent content, IReadOnlyList<ReportTable> tables)
    {
        var regions = tables.SelectMany(t => t.Regions).GroupBy(r => r.Page)
            .ToDictionary(g => g.Key, g => g.Select(r => Box.From(r.Bbox)).ToList());
        var rowPaths = tables.SelectMany(t => t.Rows).Select(r => r.Provenance?.Path).OfType<string>().ToHashSet();
        if (regions.Count == 0 && rowPaths.Count == 0) return content;
        var aboveRows = AboveRows(rowPaths);
        var pages = new List<PageContent>(content.Pages.Count);
        var paths = new Dictionary<(int Page, int Line), string>();
        foreach (var page in content.Pages)
        {
            var kept = new List<TextLine>(page.Lines.Count);
            var boxes = regions.GetValueOrDefault(page.Number);
            for (var i = 0; i < page.Lines.Count; i++)
            {
                var line = page.Lines[i];
                var path = content.LinePaths.GetValueOrDefault((page.Number, i));
                if (boxes is not null && line.Box != default && boxes.Any(b => b.Contains(line.Box.CentreX, line.Box.CentreY, 1))) continue;
                if (path is not null && IsTablePath(path, rowPaths, aboveRows)) continue;
                if (path is not null) paths[(page.Number, kept.Count)] = path;
                kept.Add(line);
            }
            pages.Add(kept.Count == page.Lines.Count ? page : page with { Lines = kept });
        }
        return content with { Pages = pages, LinePaths = paths };
    }

    /// <summary>A reported row's path, a path a few steps above one (the table, its body), or a cell below one.</summary>
    private static bool IsTablePath(string path, HashSet<string> rowPaths, HashSet<string> aboveRows)
    {
        if (rowPaths.Contains(path) || aboveRows.Contains(path)) return true;
        for (var p = Parent(path); p is not null; p = Parent(p))
            if (rowPaths.Contains(p)) return true; // a cell of the row (spreadsheets give each cell its own line)
        return false;
    }

    private static HashSet<string> AboveRows(IEnumerable<string> rowPaths)
    {
        var above = new HashSet<string>();
        foreach (var row in rowPaths)
        {
            var p = Parent(row);
            for (var step = 0; step < MaxStepsAboveRow && p is not null; step++, p = Parent(p)) above.Add(p);
        }
        return above;
    }

    private static string? Parent(string path)
    {
        var cut = path.LastIndexOfAny(['>', '/']);
        return cut > 0 ? path[..cut] : null;
    }
}
