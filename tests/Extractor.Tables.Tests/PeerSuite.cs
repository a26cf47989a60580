using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Pdf.Reading;
using Extractor.Tables;
using Extractor.Tables.Output;
using Extractor.TestSupport;

namespace Extractor.Tables.Tests;

/// <summary>One case of a peer manifest (corpus/peer/{tabula,camelot}/manifest.tsv).</summary>
public sealed record PeerCase(string Suite, string Name, string Pdf, int Page, IReadOnlyList<string> Areas, string Method, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"{Suite}/{Name}";

    public static IEnumerable<PeerCase> Load(string suite)
    {
        var dir = Corpus.Path("peer", suite);
        foreach (var line in File.ReadLines(Path.Combine(dir, "manifest.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 6) continue;
            var areas = f[3].Length == 0 ? [] : f[3].Split(" + ", StringSplitOptions.TrimEntries);
            yield return new PeerCase(suite, f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), areas, f[4],
                f[5].Split(" + ", StringSplitOptions.TrimEntries));
        }
    }

    public string PdfPath => Path.GetFullPath(Path.Combine(Corpus.Path("peer", Suite), Pdf));

    /// <summary>Expected rows, the peer's tables concatenated in order (tabula writes two tables as one CSV).</summary>
    public List<List<string>> ExpectedRows() =>
        Expected.SelectMany(e => TableCsv.Read(File.ReadAllText(Path.Combine(Corpus.Path("peer", Suite), e))).SelectMany(t => t)).ToList();
}

/// <summary>Runs a case through our engine and compares with the peer's answer cell by cell.</summary>
public static class PeerRunner
{
    private static readonly ConcurrentDictionary<string, DocumentContent> Docs = new();

    public static List<List<string>> Run(PeerCase c)
    {
        var doc = Docs.GetOrAdd(c.PdfPath, p => new PdfDocumentReader().Read(p));
        var page = doc.Pages[c.Page - 1];
        var finder = TableFinderFactory.Create(c.Method);
        var tables = c.Areas.Count == 0
            ? finder.Find(page)
            : c.Areas.SelectMany(a => finder.Find(page, Area(a, page.Height))).ToList();
        return tables.SelectMany(Rows).ToList();
    }

    private static IEnumerable<List<string>> Rows(RawTable t) =>
        t.Rows.Select(r => Enumerable.Range(0, t.ColumnCount).Select(i => i < r.Cells.Count ? r.Cells[i].Text : "").ToList());

    public static Box Area(string text, double pageHeight)
    {
        var v = text.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Box(v[1], pageHeight - v[2], v[3], pageHeight - v[0]);
    }

    /// <summary>Whitespace-insensitive form: NFKC, runs of space as one, none next to CJK (a line break inside a CJK cell).</summary>
    public static string Norm(string s)
    {
        var t = TextNormalizer.Normalize(s);
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] == ' ' && (i > 0 && TextNormalizer.IsCjk(t[i - 1]) || i + 1 < t.Length && TextNormalizer.IsCjk(t[i + 1]))) continue;
            sb.Append(t[i]);
        }
        return sb.ToString();
    }

    /// <summary>(cells equal, cells expected, every row equal after trailing empty cells are dropped).</summary>
    public static (int Equal, int Total, bool Same) Compare(List<List<string>> expected, List<List<string>> actual)
    {
        int equal = 0, total = 0;
        var same = expected.Count == actual.Count;
        for (var r = 0; r < expected.Count; r++)
        {
            var a = r < actual.Count ? actual[r] : [];
            for (var c = 0; c < expected[r].Count; c++)
            {
                total++;
                if (Norm(expected[r][c]) == Norm(c < a.Count ? a[c] : "")) equal++;
            }
            if (!Trimmed(expected[r]).SequenceEqual(Trimmed(a))) same = false;
        }
        return (equal, total, same);
    }

    private static List<string> Trimmed(List<string> row)
    {
        var t = row.Select(Norm).ToList();
        while (t.Count > 0 && t[^1].Length == 0) t.RemoveAt(t.Count - 1);
        return t;
    }

    public static string ToCsv(List<List<string>> rows) =>
        TableCsv.Write([new RawTable(rows.Select(r => new RawRow(r.Select(s => new RawCell(s)).ToList(), 1)).ToList(), 1, 1, null, "x")]);
}
