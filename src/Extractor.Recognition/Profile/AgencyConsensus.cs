using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Profile;

/// <summary>
/// An agency read by OCR from a scanned cover can carry a misread glyph (上上海市…目然资源局 for
/// 上海市…自然资源局), but a report prints its agency's name many times. When the name came from an OCR
/// page, every near reading of it in the document votes, and the reading printed most often wins if it
/// is printed at least twice and more often than the cover's; a name half read as Latin noise is rebuilt from its
/// Chinese tail (<see cref="FromCommonTail"/>). A text-layer name is never changed.
/// </summary>
internal static class AgencyConsensus
{
    public static Evidence Mend(Evidence agency, DocumentContent content)
    {
        var page = content.Pages.FirstOrDefault(p => p.Number == agency.Page);
        var name = agency.Text;
        if (page is null || page.TextConfidence >= 1.0) return agency;
        if (name.Any(char.IsAsciiLetter)) return Tables.OcrMending.Applies(page) ? FromCommonTail(agency, content) ?? agency : agency;
        if (name.Length < 6) return agency;
        // One misread glyph in six, at most two: near enough to be the same name, too far for a sibling unit.
        var budget = Math.Min(2.0, Math.Floor(name.Length / 6.0));
        var votes = new Dictionary<string, (int Count, int Page)>(StringComparer.Ordinal);
        foreach (var p in content.Pages)
            foreach (var line in p.Lines)
            {
                var text = TextNormalizer.Compact(line.Text);
                for (var end = text.IndexOf(name[^1]); end >= 0; end = end + 1 < text.Length ? text.IndexOf(name[^1], end + 1) : -1)
                    if (Nearest(name, text, end, budget) is { } reading)
                        votes[reading] = votes.TryGetValue(reading, out var v) ? (v.Count + 1, v.Page) : (1, p.Number);
            }
        var own = votes.GetValueOrDefault(name).Count;
        var best = votes.OrderByDescending(v => v.Value.Count).ThenBy(v => v.Value.Page).FirstOrDefault();
        return best.Key is not null && best.Key != name && best.Value.Count >= 2 && best.Value.Count > own
            ? new Evidence(best.Key, best.Value.Page)
            : agency;
    }

    /// <summary>
    /// A name partly read as Latin noise (rPseLeeeeeKA社会工作部) keeps its Chinese tail, which the report prints many
    /// times after the full name: the longest stretch before the tail that at least half of those places share.
    /// </summary>
    private static Evidence? FromCommonTail(Evidence agency, DocumentContent content)
    {
        var tailStart = agency.Text.Length;
        while (tailStart > 0 && TextNormalizer.IsCjk(agency.Text[tailStart - 1])) tailStart--;
        var tail = agency.Text[tailStart..];
        if (tail.Length < 3) return null;
        var readings = new List<(string Before, int Page)>();
        foreach (var p in content.Pages)
            foreach (var line in p.Lines)
            {
                var text = TextNormalizer.Compact(line.Text);
                for (var at = text.IndexOf(tail, StringComparison.Ordinal); at >= 0; at = text.IndexOf(tail, at + 1, StringComparison.Ordinal))
                {
                    var start = at;
                    while (start > 0 && at - start < 30 && (TextNormalizer.IsCjk(text[start - 1]) || text[start - 1] is '(' or ')')) start--;
                    readings.Add((text[start..at], p.Number));
                }
            }
        if (readings.Count < 2) return null;
        for (var length = 30; length >= 2; length--)
        {
            var best = readings.Where(r => r.Before.Length >= length).GroupBy(r => r.Before[^length..])
                .OrderByDescending(g => g.Count()).FirstOrDefault();
            if (best is not null && best.Count() * 2 >= readings.Count && best.Count() >= 2)
                return new Evidence(best.Key + tail, best.First().Page);
        }
        return null;
    }

    /// <summary>
    /// The reading of name that ends at text[end] (a name ends with its organisation suffix): the span of
    /// Chinese text within budget edits of name, the cheapest and, of equal cost, the shortest (so that a
    /// neighbouring glyph such as the 称 of 单位名称 is not taken into the name).
    /// </summary>
    private static string? Nearest(string name, string text, int end, double budget)
    {
        string? best = null;
        var bestCost = double.MaxValue;
        for (var length = name.Length - (int)budget; length <= name.Length + (int)budget; length++)
        {
            var start = end - length + 1;
            if (start < 0) break;
            var span = text.Substring(start, length);
            if (!span.All(c => TextNormalizer.IsCjk(c) || c is '(' or ')')) break;
            var cost = ApproximateMatch.Distance(name, span);
            if (cost <= budget && cost < bestCost) (best, bestCost) = (span, cost);
        }
        return best;
    }
}
