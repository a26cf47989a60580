using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>The money unit the main tables declare (单位:万元 / 金额单位:元): the most declared one wins.</summary>
internal static partial class UnitReader
{
    // OCR reads the colon as ; or , now and then.
    [GeneratedRegex(@"单位[:;,.]?(?<u>亿元|万元|千元|元)")]
    private static partial Regex Declared();

    public static Evidence? Read(DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        var votes = new Dictionary<string, (int Count, Evidence First)>();
        void Vote(string text, int page)
        {
            var compact = TextNormalizer.Compact(text);
            foreach (Match m in Declared().Matches(compact))
            {
                var u = m.Groups["u"].Value;
                votes[u] = votes.TryGetValue(u, out var v) ? (v.Count + 1, v.First) : (1, new Evidence(u, page));
            }
        }
        foreach (var t in tables) foreach (var c in t.Caption) Vote(c, t.PageStart);
        if (votes.Count == 0)
            foreach (var page in content.Pages)
                foreach (var line in page.Lines)
                    if (line.Text.Contains("单位")) Vote(line.Text, page.Number);
        if (votes.Count == 0) return FromStatedAmounts(content);
        return votes.OrderByDescending(v => v.Value.Count).First().Value.First;
    }

    [GeneratedRegex(@"\d(?<u>亿元|万元|元)")]
    private static partial Regex StatedAmount();

    /// <summary>An explanation published without its tables: the unit its stated amounts use most.</summary>
    private static Evidence? FromStatedAmounts(DocumentContent content)
    {
        var votes = new Dictionary<string, (int Count, Evidence First)>();
        foreach (var page in content.Pages)
            foreach (var line in page.Lines)
                foreach (Match m in StatedAmount().Matches(TextNormalizer.Compact(line.Text)))
                {
                    var u = m.Groups["u"].Value;
                    votes[u] = votes.TryGetValue(u, out var v) ? (v.Count + 1, v.First) : (1, new Evidence(line.Text, page.Number));
                }
        var best = votes.OrderByDescending(v => v.Value.Count).FirstOrDefault();
        return best.Value.Count >= 3 ? best.Value.First with { Text = best.Key } : null;
    }
}
