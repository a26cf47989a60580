using Extractor.Core.Layout;

namespace Extractor.Tables.Stream;

/// <summary>
/// Finds unruled tables on a page: runs of baselines that break into several chunks at wide gaps
/// (a paragraph line does not), tolerating a wrapped label or section line between them.
/// </summary>
public static class TextRegionDetector
{
    /// <param name="captions">
    /// Also take the untabular lines set right above a table at its text size (a title, a note), as
    /// camelot's stream mode does; the auto finder leaves them to the caption reader.
    /// </param>
    public static List<Box> Detect(PageContent page, IReadOnlyList<Box> exclude, bool captions = false)
    {
        var words = Lattice.LatticeTableFinder.WordsIn(page, null).Where(w => !exclude.Any(b => b.Contains(w.Box.CentreX, w.Box.CentreY, 1))).ToList();
        var rows = TextRows.Build(words);
        var regions = new List<Box>();
        var i = 0;
        var consumed = -1;
        while (i < rows.Count)
        {
            if (!Tabular(rows[i])) { i++; continue; }
            var block = new List<TextRow> { rows[i] };
            var j = i + 1;
            while (j < rows.Count)
            {
                var prev = block[^1];
                var gap = prev.Box.Bottom - rows[j].Box.Top;
                if (gap > 2.5 * prev.FontSize || Crosses(exclude, prev, rows[j])) break;
                if (Tabular(rows[j])) { block.Add(rows[j]); j++; continue; }
                // Up to two untabular lines inside a table (wrapped labels, a section line) if a tabular one follows.
                var k = j;
                while (k < rows.Count && k < j + 2 && !Tabular(rows[k])) k++;
                if (k < rows.Count && Tabular(rows[k]) && rows[k - 1].Box.Bottom - rows[k].Box.Top <= 2.5 * prev.FontSize)
                {
                    for (var m = j; m <= k; m++) block.Add(rows[m]);
                    j = k + 1;
                    continue;
                }
                break;
            }
            // A title set larger than the table's text heads the table but is not part of it.
            var body = block.Select(r => r.FontSize).Order().ElementAt(block.Count / 2);
            while (block.Count > 0 && block[0].FontSize > 1.2 * body) block.RemoveAt(0);
            if (captions && block.Count > 0 && block[0] == rows[i])
                for (var k = i - 1; k > consumed && !Tabular(rows[k]) && rows[k].FontSize <= 1.2 * body
                                    && rows[k].Box.Bottom - block[0].Box.Top <= 1.5 * rows[k].FontSize; k--)
                    block.Insert(0, rows[k]);
            if (block.Count(Tabular) >= 3)
                regions.Add(Box.Of(block.Select(r => r.Box)) is var b ? new Box(b.Left - 1, b.Bottom - 1, b.Right + 1, b.Top + 1) : default);
            consumed = j - 1;
            i = j;
        }
        return regions;
    }

    private static bool Tabular(TextRow r)
    {
        if (r.Chunks.Count < 2) return false;
        for (var k = 1; k < r.Chunks.Count; k++)
            if (r.Chunks[k].Box.Left - r.Chunks[k - 1].Box.Right >= 1.0 * r.FontSize) return true;
        return false;
    }

    private static bool Crosses(IReadOnlyList<Box> exclude, TextRow a, TextRow b) =>
        exclude.Any(e => e.Top <= a.Box.Bottom + 1 && e.Bottom >= b.Box.Top - 1);
}
