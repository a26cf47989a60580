using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Tables.Document;

/// <summary>Where the caption reader looks for a table's caption; the defaults are what the corpus needed.</summary>
public sealed record CaptionOptions
{
    /// <summary>Caption lines kept at most: title, 公开NN表 label, 部门/单位 field and unit lines.</summary>
    public int MaxLines { get; init; } = 4;

    /// <summary>Largest gap between two caption lines (or the table and the first), in the larger type size of the two.</summary>
    public double LineGap { get; init; } = 3.5;

    /// <summary>
    /// How far above the table (points) a line shaped like a title (…表) still names it when none of the close lines
    /// does: a title set well apart from a header in large type.
    /// </summary>
    public double TitleReach { get; init; } = 90;

    /// <summary>A line whose centre lies within this share of the table's width from the table's centre is set centred over it.</summary>
    public double CentreTolerance { get; init; } = 0.1;
}

/// <summary>
/// The one place a PDF table's caption is found: the lines printed just above it (title, 公开NN表, 单位 lines),
/// walking up from the table's top while lines follow each other closely and stopping below the previous table
/// (<c>ceiling</c>); when none of them is shaped like a title, a title line further up; when the title is worded
/// like no table title (…标准, …名单), the short line set centred over the table. Which caption line is the title is
/// decided by <see cref="TableCaption"/>.
/// </summary>
public static partial class CaptionReader
{
    public static (List<string> Caption, string? Title) Read(PageContent page, Box table, double ceiling, CaptionOptions? options = null)
    {
        var o = options ?? new CaptionOptions();
        var close = Close(page, table, ceiling, o);
        var caption = close.Select(l => l.Text).ToList();
        if (TableCaption.Title(caption) is not null) return (caption, null);
        if (Far(page, table, ceiling, o, close) is { } far) return ([far.Text, .. caption], null);
        return (caption, Centred(page, close, table, o));
    }

    private static List<TextLine> Close(PageContent page, Box table, double ceiling, CaptionOptions o)
    {
        var above = Above(page, table, ceiling).OrderBy(l => l.Box.Bottom).ToList();
        var result = new List<TextLine>();
        var edge = table.Top;
        // The gap is measured in the larger of the two type sizes it separates: a 9 pt 部门/单位 line sits further above
        // a table whose header is set in 17 pt than 3.5 of its own lines.
        var below = HeaderSize(page, table);
        foreach (var line in above)
        {
            var size = Math.Max(Math.Max(line.FontSize, below), 8);
            if (line.Box.Bottom - edge > o.LineGap * size) break;
            below = line.FontSize;
            result.Insert(0, line);
            edge = line.Box.Top;
            if (result.Count == o.MaxLines) break;
        }
        return result;
    }

    /// <summary>The nearest line up to <see cref="CaptionOptions.TitleReach"/> above the table that is shaped like a title.</summary>
    private static TextLine? Far(PageContent page, Box table, double ceiling, CaptionOptions o, List<TextLine> close) =>
        Above(page, table, ceiling)
            .Where(l => l.Box.Bottom <= table.Top + o.TitleReach && !close.Contains(l))
            .Where(l => TableCaption.Title([l.Text]) is not null)
            .OrderBy(l => l.Box.Bottom).FirstOrDefault();

    /// <summary>
    /// The close lines nearest the table (at most two, read as one title) when they are set centred over it, short of
    /// its width, and read as a name: no field, unit or numbered heading, no sentence, no running head of the report.
    /// </summary>
    private static string? Centred(PageContent page, List<TextLine> close, Box table, CaptionOptions o)
    {
        var run = new List<TextLine>();
        for (var i = close.Count - 1; i >= 0 && run.Count < 2; i--)
        {
            var line = close[i];
            var text = TextNormalizer.Compact(line.Text);
            var centre = (line.Box.Left + line.Box.Right) / 2;
            var centred = Math.Abs(centre - (table.Left + table.Right) / 2) <= o.CentreTolerance * table.Width && line.Box.Width < 0.8 * table.Width;
            if (!centred || text.Length is < 4 or > 40 || !ReadsAsName(text) || Boxed(page, line)) break;
            run.Insert(0, line);
        }
        return run.Count == 0 ? null : string.Concat(run.Select(l => l.Text.Trim()));
    }

    /// <summary>Text drawn inside a frame (a flow chart's box above a box) is no caption: a title stands free.</summary>
    private static bool Boxed(PageContent page, TextLine line)
    {
        var y = line.Box.CentreY;
        bool Edge(Ruling r, double from, double to) =>
            r.IsVertical && r.X1 >= from && r.X1 <= to && Math.Min(r.Y1, r.Y2) <= y && Math.Max(r.Y1, r.Y2) >= y;
        return page.Rulings.Any(r => Edge(r, line.Box.Left - 40, line.Box.Left + 2)) && page.Rulings.Any(r => Edge(r, line.Box.Right - 2, line.Box.Right + 40));
    }

    private static bool ReadsAsName(string text) =>
        !TableCaption.IsLabel(text) && !TableCaption.IsCaptionText(text) && !NotAName().IsMatch(text) && text.Count(TextNormalizer.IsCjk) * 2 > text.Length;

    // Fields (收费部门:…), sentences, numbered headings (一、 (三) 1.) and running heads (…2026年度部门预算).
    [GeneratedRegex(@"[:;,，;。、]|^([一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[.、])|(19|20)\d{2}年?度?.*(预算|决算)")]
    private static partial Regex NotAName();

    private static IEnumerable<TextLine> Above(PageContent page, Box table, double ceiling) =>
        page.Lines.Where(l => l.Box.Bottom >= table.Top - 2 && l.Box.Top > table.Top + 1 && l.Box.Top <= ceiling + 1)
            .Where(l => l.Box.Right > table.Left - 20 && l.Box.Left < table.Right + 20);

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
