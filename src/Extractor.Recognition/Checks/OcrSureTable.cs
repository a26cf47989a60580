using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Whether a failed check on a table read by OCR may stand as the document's own error rather than a misreading.
/// On the labelled reports' image-only copies a scan's failed sums came from two kinds of misreading: a figure read
/// wrong, and the table's structure read wrong (an ordinal lost or misread, 八,社会保障… for 八、…, so an item is no
/// longer counted among the top items; a row lost), and the latter fails the same sum in every column at once. So the
/// failure stands only when
/// <list type="bullet">
/// <item>it sets a parent row against its children (<see cref="HierarchyChecks.SumsChildRows"/>), and the same sum in
/// another column of that parent, over the same rows, adds up (it failed in this column alone, and the parent prints
/// another non-zero figure summed over rows): the structure is confirmed by the table itself;</item>
/// <item>every figure of the table was read at least as surely as its engine's finding threshold
/// (<see cref="OcrConfidenceOptions.FindingFor"/>; Tesseract's confidence does not separate right from wrong, so never);</item>
/// <item>no figure printed in the table's region lies outside its rows (a row the table stage lost).</item>
/// </list>
/// Otherwise the guards treat the failure as a probable misreading.
/// </summary>
public static class OcrSureTable
{
    /// <summary>The verdict and the least sure figure of the tables the check names on OCR pages (null: none found).</summary>
    public readonly record struct Reading(bool Sure, double? Least, string? Engine);

    /// <param name="pages">The document's OCR'd pages by number (<see cref="OcrFactGuard.OcrPages"/>), built once by the caller.</param>
    public static Reading Of(IReadOnlyDictionary<int, PageContent> pages, IReadOnlyList<ReportTable> tables, IReadOnlyList<Check> checks, Check check, OcrConfidenceOptions options)
    {
        double? least = null;
        string? engine = null;
        var sure = check.Evidence.Count == 1 && HierarchyChecks.SumsChildRows(check.Rule);
        foreach (var id in check.Evidence.Select(e => e.Table).Distinct())
        {
            var evidencePages = check.Evidence.Where(e => e.Table == id).Select(e => e.Page).ToHashSet();
            var table = tables.FirstOrDefault(t => t.Id == id && evidencePages.Any(p => p >= t.PageStart && p <= t.PageEnd));
            if (table is null) return new(false, least, engine);
            if (sure && !ConfirmedByAnotherColumn(table, checks, check)) sure = false;
            for (var n = table.PageStart; n <= table.PageEnd; n++)
            {
                if (!pages.TryGetValue(n, out var page)) continue;
                engine ??= page.ReadBy;
                var rows = table.Rows.Where(r => r.Provenance?.Page == n && r.Provenance.Bbox is { Length: 4 }).ToList();
                var rowBoxes = rows.Select(r => Box.From(r.Provenance!.Bbox!)).ToList();
                var figureBoxes = rows.SelectMany(Figures).ToList();
                var region = table.Regions.FirstOrDefault(r => r.Page == n) is { } printed ? Box.From(printed.Bbox) : (Box?)null;
                foreach (var word in page.Words.Where(w => w.Text.Any(char.IsAsciiDigit)))
                {
                    if (figureBoxes.Any(f => f.Intersects(word.Box))) least = Math.Min(least ?? 1, Math.Round(word.Confidence, 3));
                    else if (!rowBoxes.Any(r => r.Intersects(word.Box)) && region is { } area
                        && area.Contains(word.Box.CentreX, word.Box.CentreY) && IsFigure(word.Text)) sure = false;
                }
                if (options.FindingFor(page.ReadBy) is not { } threshold || (least ?? 0) < threshold) sure = false;
            }
        }
        return new(sure && least is not null, least, engine);
    }

    /// <summary>
    /// The check failed in one column of its parent row only, and the parent prints another non-zero figure summed over
    /// rows, whose sum over the same children therefore held.
    /// </summary>
    private static bool ConfirmedByAnotherColumn(ReportTable table, IReadOnlyList<Check> checks, Check check)
    {
        var evidence = check.Evidence[0];
        if (checks.Count(c => c.Rule == check.Rule && c.Status == CheckStatus.Fail && c.Evidence.Count == 1 && Same(c.Evidence[0], evidence)) != 1)
            return false;
        var parent = table.Rows.FirstOrDefault(r => r.Provenance is { } p && p.Page == evidence.Page && SameBox(p.Bbox, evidence.Bbox));
        return parent is not null && parent.Values.Count(v => v.Value != 0 && CheckContext.SumsOverRows(table, v.Key)) >= 2;
    }

    private static bool Same(Provenance a, Provenance b) => a.Table == b.Table && a.Page == b.Page && SameBox(a.Bbox, b.Bbox);

    private static bool SameBox(double[]? a, double[]? b) => a is { Length: 4 } && b is { Length: 4 } && a.SequenceEqual(b);

    /// <summary>
    /// Where the row's figures are printed: each value's own box, so that a label's digits or a 序号 are not counted; the
    /// row's box where its values carry no position of their own.
    /// </summary>
    private static IEnumerable<Box> Figures(ReportRow row)
    {
        var cells = row.Cells?.Values.Where(c => c.Bbox is { Length: 4 }).Select(c => Box.From(c.Bbox!)).ToList();
        return cells is { Count: > 0 } ? cells : row.Values.Count > 0 ? [Box.From(row.Provenance!.Bbox!)] : [];
    }

    /// <summary>A word that is an amount or a rate and nothing else (4,984.09, -12, 95.79%): a row's figure, not a header's 2020年.</summary>
    private static bool IsFigure(string text) => AmountParser.IsAmount(text.Trim().TrimEnd('%'));
}
