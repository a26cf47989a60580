using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Sections.Candidates;

/// <summary>Finds heading lines from numbering, typography, the outline and the 目录.</summary>
public interface IHeadingCandidateFinder
{
    IReadOnlyList<HeadingCandidate> Find(DocumentContent document, IReadOnlyList<DocLine> lines);
}

/// <summary>
/// Scores every line on independent pieces of evidence and keeps those above a threshold. No single
/// signal is trusted alone where it is often wrong: numbering also starts list items, large type also
/// sets cover pages, so short length, no amounts and no sentence punctuation are required too.
/// </summary>
public sealed partial class HeadingCandidateFinder : IHeadingCandidateFinder
{
    public const double Threshold = 0.4;
    private const int MaxHeadingChars = 45;
    private const int MaxRunInTitleChars = 18;

    [GeneratedRegex(@"^(?:目录|目次|名词解释|附件|附表|附录)(?:\d+(?:-\d+)?)?[:]?$")]
    private static partial Regex KeywordLineRx();

    [GeneratedRegex(@"(?:部门|单位)(?:决算|预算)(?:表|报表)$")]
    private static partial Regex PartTitleRx();

    [GeneratedRegex(@"\s[一二三四五六七八九十]{1,3}、\S")]
    private static partial Regex InnerNumberRx();

    [GeneratedRegex(@"^附件\d*(?:-\d+)?[:]")]
    private static partial Regex AttachmentLeadRx();

    // Titles usually end on one of these words; a line that does not may be wrapped onto the next.
    [GeneratedRegex(@"(?:说明|情况|概况|解释|表|附件|附表|职责|职能|设置|构成|目录|分析|建议|结论|问题|目标|背景|内容|依据|任务|措施|结果|做法|得分|成效|效益|管理|支出|收入|经费|项目|部门|[。:)])$")]
    private static partial Regex TitleEndRx();

    public IReadOnlyList<HeadingCandidate> Find(DocumentContent document, IReadOnlyList<DocLine> lines)
    {
        var body = BodyStyle.Of(lines);
        var toc = TocReader.Read(lines);
        var outline = document.Outline
            .Select(o => (Title: TextNormalizer.Compact(Numbering.Parse(o.Title).Title), o.Page))
            .Where(o => o.Title.Length >= 2).ToList();
        var multiPage = document.Pages.Count > 3;

        var found = new List<HeadingCandidate>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Compact.Length == 0) continue;
            if (toc.HeadingLine == i)
            {
                found.Add(new HeadingCandidate(i, i, line.Page, line.Text, Numbered.Unnumbered with { Title = line.Text }, StyleKey.Top, 1.0, "toc-heading"));
                continue;
            }
            if (toc.Lines.Contains(i)) continue;
            var c = Score(lines, i, body, toc, outline, multiPage);
            if (c is null) continue;
            c = JoinWrapped(lines, c, body);
            if (c is null) continue;
            found.Add(c);
            i = c.LastLine;
        }
        return DropLists(found, lines);
    }

    private static HeadingCandidate? Score(IReadOnlyList<DocLine> lines, int i, BodyStyle body, Toc toc,
        List<(string Title, int? Page)> outline, bool multiPage)
    {
        var line = lines[i];
        var number = Numbering.Parse(line.Text);
        var title = TextNormalizer.Compact(number.Title);
        var evidence = new List<string>();
        double score = 0;

        var keyword = number.Style == NumberingStyle.None && (KeywordLineRx().IsMatch(line.Compact) || AttachmentLeadRx().IsMatch(line.Compact));
        switch (number.Style)
        {
            case NumberingStyle.Part: score += 0.6; evidence.Add("part"); break;
            case NumberingStyle.ChineseComma: score += 0.45; evidence.Add("一、"); break;
            case NumberingStyle.ChineseParen: score += 0.4; evidence.Add("(一)"); break;
            case NumberingStyle.ArabicDot: score += 0.4; evidence.Add("1."); break;
            case NumberingStyle.ArabicParen: score += 0.4; evidence.Add("(1)"); break;
            case NumberingStyle.Circled: score += 0.15; evidence.Add("①"); break;
        }
        if (keyword) { score += 0.6; evidence.Add("keyword"); }

        var larger = false;
        if (line.MarkedHeadingLevel > 0) { score += 0.5; evidence.Add($"h{line.MarkedHeadingLevel}"); }
        if (line.HasTypography && body.FontSize > 0)
        {
            var ratio = line.FontSize / body.FontSize;
            if (ratio >= 1.25) { score += 0.45; larger = true; evidence.Add("large"); }
            else if (ratio >= 1.08) { score += 0.2; evidence.Add("larger"); }
            if (line.Bold && !body.BoldBody) { score += 0.2; evidence.Add("bold"); }
            if (line.HasGeometry && Centred(lines, i)) { score += 0.1; evidence.Add("centred"); }
        }
        if (toc.Lists(title)) { score += 0.3; evidence.Add("toc"); }
        if (outline.Any(o => o.Title == title || (title.Length >= 4 && o.Title.StartsWith(title)))) { score += 0.5; evidence.Add("outline"); }

        // Run-in heading: "（一）内设机构设置。本中心内设…" — a short title closed by 。 or : and followed by prose.
        var runIn = false;
        string runInBody = "";
        var text = line.Text;
        if (number.Style is NumberingStyle.ChineseComma or NumberingStyle.ChineseParen)
        {
            var stop = number.Title.IndexOfAny(['。', ':']);
            var head = TextNormalizer.Compact(number.Title[..Math.Max(0, stop)]);
            // A run-in title is a noun phrase (内设机构设置, 前期准备); a clause (负责推进…工作) starts a list item.
            if (stop > 1 && stop <= MaxRunInTitleChars && TableLines.AmountCount(head) == 0 && stop < number.Title.Length - 6
                && (head.Length <= 8 || TitleEndRx().IsMatch(head)) && !head.Contains(','))
            {
                runIn = true;
                runInBody = number.Title[(stop + 1)..].Trim();
                text = (number.Prefix + number.Title[..stop]).Trim();
                title = TextNormalizer.Compact(number.Title[..stop]);
                evidence.Add("run-in");
            }
        }

        // Evidence against: too long for a title, amounts, sentence punctuation inside, table cells, cover page.
        if (title.Length > MaxHeadingChars && !evidence.Contains("outline")) return null;
        if (number.Style == NumberingStyle.None && !keyword && title.Length > 30) return null;
        if (TableLines.AmountCount(title) > 0) return null;
        var inner = title.TrimEnd('。', ':', ';', ',');
        if (inner.Contains('。') || inner.Contains(';')) return null;
        if (title.EndsWith(';') || title.EndsWith(',') || title.EndsWith('、')) return null;
        if (TableLines.IsTableLine(lines, i)) return null;
        // Two numbered items on one line ("二、上级补助收入 三、国防支出") are table cells side by side.
        if (InnerNumberRx().IsMatch(number.Style == NumberingStyle.None ? line.Text : number.Title)) return null;
        // Items of an enumeration are sentences: a comma and a full stop, or a long line closed by 。.
        if (title.EndsWith('。') && (title.Contains(',') || title.Contains('、') || title.Length > 25) && !runIn) return null;
        if (number.Style is NumberingStyle.ArabicDot or NumberingStyle.ArabicParen or NumberingStyle.Circled
            && !runIn && (title.EndsWith('。') || title.TrimEnd(':').Contains(':'))) return null;
        if (FirstLineOfParagraph(lines, i, larger || evidence.Contains("bold"))) return null;
        // Arabic-numbered lines are mostly list items; a heading among them is short and has no clause break.
        if (number.Style is NumberingStyle.ArabicDot or NumberingStyle.ArabicParen or NumberingStyle.Circled
            && !runIn && (title.Length > 30 || (title.Contains(',') && !larger && !evidence.Contains("bold")))) return null;
        if (number.Style == NumberingStyle.None && !keyword && multiPage && line.Page == 1) return null;
        if (number.Style != NumberingStyle.None && title.Length == 0 && number.Style != NumberingStyle.Part) return null;
        if (score < Threshold) return null;

        var style = number.Style switch
        {
            NumberingStyle.Part => StyleKey.Top,
            NumberingStyle.ChineseComma => StyleKey.ChineseComma,
            NumberingStyle.ChineseParen => StyleKey.ChineseParen,
            NumberingStyle.ArabicDot => StyleKey.ArabicDot,
            NumberingStyle.ArabicParen => StyleKey.ArabicParen,
            NumberingStyle.Circled => StyleKey.Circled,
            _ when keyword || larger || line.MarkedHeadingLevel is 1 or 2 => StyleKey.Top,
            // The tables part printed without 第二部分: "…2024年度部门决算表" above the tables.
            _ when PartTitleRx().IsMatch(title) => StyleKey.Top,
            _ => StyleKey.Emphasis,
        };
        return new HeadingCandidate(i, i, line.Page, text, number, style, Math.Min(1, score), string.Join('+', evidence), runIn, runInBody);
    }

    /// <summary>Indented from the page's text margins by about the same amount on both sides.</summary>
    private static bool Centred(IReadOnlyList<DocLine> lines, int i)
    {
        var cur = lines[i];
        var onPage = lines.Where(l => l.Page == cur.Page && l.HasGeometry).ToList();
        if (onPage.Count < 3) return false;
        var left = onPage.Min(l => l.Source!.Box.Left);
        var right = onPage.Max(l => l.Source!.Box.Right);
        var box = cur.Source!.Box;
        double indentL = box.Left - left, indentR = right - box.Right, em = Math.Max(cur.FontSize, 1);
        return indentL > 2 * em && indentR > 2 * em && Math.Abs(indentL - indentR) < 1.5 * em;
    }

    /// <summary>
    /// Consecutive numbered lines of one style with no text between them are a list (内设机构 1、办公室
    /// 2、组织人事处 …), not headings: a heading has a body under it.
    /// </summary>
    private static List<HeadingCandidate> DropLists(List<HeadingCandidate> found, IReadOnlyList<DocLine> lines)
    {
        bool Adjacent(HeadingCandidate a, HeadingCandidate b)
        {
            if (a.RunIn || b.RunIn || a.Style != b.Style || a.Number.Style is NumberingStyle.None or NumberingStyle.Part) return false;
            for (var k = a.LastLine + 1; k < b.FirstLine; k++) if (lines[k].Compact.Length > 0) return false;
            return true;
        }
        var drop = new HashSet<int>();
        var k = 0;
        while (k < found.Count)
        {
            var end = k;
            while (end + 1 < found.Count && Adjacent(found[end], found[end + 1])) end++;
            var run = end - k + 1;
            var arabic = found[k].Number.Style is NumberingStyle.ArabicDot or NumberingStyle.ArabicParen or NumberingStyle.Circled;
            if (run >= 3 || (run == 2 && arabic))
                for (var j = k; j <= end; j++) drop.Add(j);
            k = end + 1;
        }
        return found.Where((_, j) => !drop.Contains(j)).ToList();
    }

    /// <summary>
    /// The first line of a paragraph set in body type runs to the right margin and is followed by a long
    /// unnumbered line: a numbered list item that wraps, not a heading (headings that wrap continue with a
    /// short remainder, which <see cref="JoinWrapped"/> takes).
    /// </summary>
    private static bool FirstLineOfParagraph(IReadOnlyList<DocLine> lines, int i, bool standsOut)
    {
        var cur = lines[i];
        if (standsOut || !cur.HasGeometry || i + 1 >= lines.Count) return false;
        var next = lines[i + 1];
        if (next.Page != cur.Page || !next.HasGeometry) return false;
        if (Numbering.Parse(next.Text).Style != NumberingStyle.None) return false;
        if (next.Compact.Length <= 22 && !next.Compact.EndsWith('。') && !next.Compact.Contains(',')) return false;
        return ReachesRightMargin(lines, cur);
    }

    /// <summary>The line runs to the right edge of the page's text (within <paramref name="ems"/> characters): it wraps.</summary>
    private static bool ReachesRightMargin(IReadOnlyList<DocLine> lines, DocLine cur, double ems = 1.5)
    {
        if (!cur.HasGeometry) return false;
        var rightEdge = lines.Where(l => l.Page == cur.Page && l.HasGeometry).Max(l => l.Source!.Box.Right);
        return cur.Source!.Box.Right >= rightEdge - cur.FontSize * ems;
    }

    /// <summary>
    /// Joins a heading wrapped onto following lines: "第三部分 …2018" + "年度预算情况说明", or a part
    /// number printed alone above its title. The continuation must be unnumbered, short and set in the
    /// heading's own type.
    /// </summary>
    private static HeadingCandidate? JoinWrapped(IReadOnlyList<DocLine> lines, HeadingCandidate c, BodyStyle body)
    {
        if (c.RunIn) return c;
        var text = c.Text;
        var last = c.LastLine;
        for (var joined = 0; joined < 2; joined++)
        {
            var j = last + 1;
            while (j < lines.Count && lines[j].Compact.Length == 0 && !lines[j].HasTypography) j++; // blank lines of text files
            if (j >= lines.Count || j > last + 3) break;
            var cur = lines[last];
            var next = lines[j];
            if (next.Page != cur.Page || next.Compact.Length == 0 || next.Compact.Length > 22) break;
            if (Numbering.Parse(next.Text).Style != NumberingStyle.None) break;
            // "(七)监督本级人民政府…的工" + "作;": the line goes on into a sentence — a list item, not a heading.
            if (c.Number.Style != NumberingStyle.Part && !cur.Compact.EndsWith('。')
                && (next.Compact.EndsWith(';') || (next.Compact.Length <= 6 && next.Compact.EndsWith('。') && ReachesRightMargin(lines, cur)))) return null;
            if (next.Compact.Contains('。') || next.Compact.EndsWith(',') || TableLines.AmountCount(next.Text) > 0) break;
            if (KeywordLineRx().IsMatch(next.Compact) && c.Number.Style != NumberingStyle.Part) break;
            var titleSoFar = TextNormalizer.Compact(Numbering.Parse(text).Title);
            bool wraps;
            if (cur.HasGeometry && next.HasGeometry)
            {
                var sameType = Math.Abs(cur.FontSize - next.FontSize) < 0.6 && cur.Bold == next.Bold;
                var full = ReachesRightMargin(lines, cur, 2.5);
                var standsOut = next.FontSize >= body.FontSize * 1.08 || (next.Bold && !body.BoldBody);
                wraps = sameType && (full || titleSoFar.Length == 0 || (standsOut && !TitleEndRx().IsMatch(titleSoFar)));
            }
            else
            {
                // Plain text: only an evidently unfinished title continues (empty, or ending mid-phrase).
                wraps = titleSoFar.Length == 0 || char.IsDigit(titleSoFar[^1])
                        || (c.Number.Style == NumberingStyle.Part && !TitleEndRx().IsMatch(titleSoFar) && next.Compact.Length <= 12);
            }
            if (!wraps) break;
            text = TextNormalizer.Join(text, next.Text);
            last = j;
            var t = TextNormalizer.Compact(Numbering.Parse(text).Title);
            if (TitleEndRx().IsMatch(t)) break;
        }
        return last == c.LastLine ? c : c with { LastLine = last, Text = text, Number = Numbering.Parse(text) };
    }
}
