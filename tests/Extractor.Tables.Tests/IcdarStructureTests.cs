using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Extractor.Core.Layout;
using Extractor.Pdf.Reading;
using Extractor.Tables.Auto;
using Extractor.TestSupport;
using Xunit.Abstractions;

namespace Extractor.Tables.Tests;

/// <summary>
/// ICDAR 2013 tables of corpus/peer/icdar2013 read by auto within their ground-truth region, scored by the
/// competition's adjacency relations as the shared tools' icdar2013_eval.py scores them (region = the
/// cells' box ± 3 pt; text reduced to letters and digits). eu-026: multi-line header cells, a header word
/// set apart from its phrase, amounts between a header rule and a foot rule; us-026: headers spanning years.
/// </summary>
public partial class IcdarStructureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("competition-dataset-eu/eu-026", 1.0)]
    [InlineData("competition-dataset-us/us-026", 1.0)]
    public void TablesHaveTheGroundTruthAdjacencies(string doc, double floor)
    {
        var basePath = Corpus.Path("peer", "icdar2013", doc);
        var pdf = new PdfDocumentReader().Read(basePath + ".pdf");
        var finder = new AutoTableFinder();
        foreach (var (page, truth, region) in GroundTruth(basePath + "-str.xml"))
        {
            var predicted = new Dictionary<(int, int), string>();
            var r = 0;
            foreach (var table in finder.Find(pdf.Pages[page - 1], region))
                foreach (var row in table.Rows)
                {
                    for (var c = 0; c < row.Cells.Count; c++) predicted[(r, c)] = row.Cells[c].Text;
                    r++;
                }
            var expected = Relations(truth);
            var actual = Relations(predicted);
            var correct = expected.GroupBy(x => x).Sum(g => Math.Min(g.Count(), actual.Count(a => a == g.Key)));
            var f1 = expected.Count + actual.Count == 0 ? 1 : 2.0 * correct / (expected.Count + actual.Count);
            output.WriteLine($"{doc} page {page}: {correct} correct of {expected.Count} expected, {actual.Count} found, F1 {f1:F3}");
            Assert.True(f1 >= floor, $"{doc} page {page}: F1 {f1:F3} below {floor}");
        }
    }

    private static IEnumerable<(int Page, Dictionary<(int, int), string> Cells, Box Region)> GroundTruth(string path)
    {
        foreach (var region in XDocument.Load(path).Descendants("region"))
        {
            var cells = new Dictionary<(int, int), string>();
            double left = double.MaxValue, bottom = double.MaxValue, right = double.MinValue, top = double.MinValue;
            foreach (var cell in region.Elements("cell"))
            {
                cells[(int.Parse(cell.Attribute("start-row")!.Value), int.Parse(cell.Attribute("start-col")!.Value))] = cell.Element("content")?.Value ?? "";
                var bb = cell.Element("bounding-box")!;
                double V(string a) => double.Parse(NotNumber().Replace(bb.Attribute(a)?.Value ?? "0", ""), CultureInfo.InvariantCulture);
                left = Math.Min(left, Math.Min(V("x1"), V("x2")));
                right = Math.Max(right, Math.Max(V("x1"), V("x2")));
                bottom = Math.Min(bottom, Math.Min(V("y1"), V("y2")));
                top = Math.Max(top, Math.Max(V("y1"), V("y2")));
            }
            if (cells.Count > 0) yield return (int.Parse(region.Attribute("page")!.Value), cells, new Box(left - 3, bottom - 3, right + 3, top + 3));
        }
    }

    /// <summary>Each non-empty cell with its next non-empty neighbour to the right and below, as a multiset.</summary>
    private static List<string> Relations(Dictionary<(int R, int C), string> grid)
    {
        var cells = grid.Select(kv => (kv.Key.R, kv.Key.C, Text: Reduce(kv.Value))).Where(c => c.Text.Length > 0).ToList();
        var result = new List<string>();
        foreach (var row in cells.GroupBy(c => c.R))
            result.AddRange(row.OrderBy(c => c.C).Zip(row.OrderBy(c => c.C).Skip(1), (a, b) => $"{a.Text}|{b.Text}|h"));
        foreach (var col in cells.GroupBy(c => c.C))
            result.AddRange(col.OrderBy(c => c.R).Zip(col.OrderBy(c => c.R).Skip(1), (a, b) => $"{a.Text}|{b.Text}|v"));
        return result;
    }

    private static string Reduce(string s) => Dropped().Replace(s.ToLowerInvariant(), "");

    [GeneratedRegex(@"[^0-9a-z\u4e00-\u9fff]")]
    private static partial Regex Dropped();

    [GeneratedRegex(@"[^0-9.]")]
    private static partial Regex NotNumber();
}
