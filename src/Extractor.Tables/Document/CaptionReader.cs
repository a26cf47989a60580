using Extractor.Core.Layout;

namespace Extractor.Tables.Document;

/// <summary>
/// The lines printed just above a table (title, 公开NN表, 单位 lines): walking up from the table's top
/// while lines follow each other closely, stopping below the previous table (<paramref name="ceiling"/>) or after a few lines.
/// </summary>
public static class CaptionReader
{
    private const int MaxLines = 4;

    public static List<string> Read(PageContent page, Box table, double ceiling)
    {
        var above = page.Lines
            .Where(l => l.Box.Bottom >= table.Top - 2 && l.Box.Top > table.Top + 1 && l.Box.Top <= ceiling + 1)
            .Where(l => l.Box.Right > table.Left - 20 && l.Box.Left < table.Right + 20)
            .OrderBy(l => l.Box.Bottom)
            .ToList();
        var result = new List<string>();
        var edge = table.Top;
        // The gap is measured in the larger of the two type sizes it separates: a 9 pt 部门/单位 line sits further above
        // a table whose header is set in 17 pt than 3.5 of its own lines.
        var below = HeaderSize(page, table);
        foreach (var line in above)
        {
            var size = Math.Max(Math.Max(line.FontSize, below), 8);
            if (line.Box.Bottom - edge > 3.5 * size) break;
            below = line.FontSize;
            result.Insert(0, line.Text);
            edge = line.Box.Top;
            if (result.Count == MaxLines) break;
        }
        return result;
    }

    /// <summary>The type size of the table's first printed row (0 when none is found near its top).</summary>
    private static double HeaderSize(PageContent page, Box table)
    {
        var size = 0.0;
        foreach (var l in page.Lines)
            if (l.Box.Top <= table.Top + 1 && l.Box.Top >= table.Top - 40 && l.Box.Right > table.Left && l.Box.Left < table.Right)
                size = Math.Max(size, l.FontSize);
        return size;
    }
}
