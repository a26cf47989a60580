using System.Text.RegularExpressions;

namespace Extractor.Sections.Candidates;

/// <summary>One entry of the printed 目录: its title without numbering and the page it points to, if printed.</summary>
public sealed record TocEntry(int LineIndex, string Title, int? TargetPage);

/// <summary>The 目录 found in a document: the line of its own heading and the lines that belong to it.</summary>
public sealed record Toc(int? HeadingLine, IReadOnlySet<int> Lines, IReadOnlyList<TocEntry> Entries)
{
    public static readonly Toc None = new(null, new HashSet<int>(), []);

    /// <summary>True when a body heading's title is listed in the 目录: independent evidence that it is a heading.</summary>
    public bool Lists(string compactTitle) =>
        compactTitle.Length >= 2 && Entries.Any(e => e.Title.Length >= 2 && (e.Title == compactTitle
            || (compactTitle.Length >= 4 && e.Title.Length >= 4 && (e.Title.EndsWith(compactTitle) || compactTitle.EndsWith(e.Title)))));
}

/// <summary>
/// Finds the 目录 and the lines that are its entries. TOC lines repeat the headings (often with dotted
/// leaders and page numbers), so they must not become headings themselves; they are kept as evidence.
/// </summary>
public static partial class TocReader
{
    [GeneratedRegex(@"^目录$|^目次$")]
    private static partial Regex TocHeadingRx();

    // Dotted leaders of any kind, optionally followed by a page number; or a bare page number after a gap.
    [GeneratedRegex(@"(?:[.·…_\-—]{3,}|…{2,}|\.{2,}\s*)\s*(\d{1,3})?\s*$")]
    private static partial Regex LeaderRx();

    [GeneratedRegex(@"\s(\d{1,3})$")]
    private static partial Regex TrailingPageRx();

    public static Toc Read(IReadOnlyList<DocLine> lines)
    {
        var head = -1;
        for (var i = 0; i < lines.Count; i++)
            if (TocHeadingRx().IsMatch(lines[i].Compact)) { head = i; break; }

        var members = new HashSet<int>();
        var entries = new List<TocEntry>();
        var seen = new HashSet<string>();
        var start = head >= 0 ? head + 1 : 0;
        var hadLeaders = false;
        for (var i = start; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Compact.Length == 0) continue;
            var leader = LeaderRx().Match(l.Text);
            if (head < 0)
            {
                // Without a 目录 heading, only leader lines are TOC lines (wherever they are).
                if (leader.Success && leader.Index > 0) Add(l, leader);
                continue;
            }
            if (leader.Success && leader.Index > 0) { hadLeaders = true; Add(l, leader); continue; }
            var title = TitleOf(l.Text);
            // The body starts again: a title already
            // listed, sentence text, or a new page after leader lines with no leader line on it.
            var bodyRestarts = (title.Length >= 3 && !title.All(char.IsDigit) && seen.Contains(title)
                                && (Numbering.Parse(l.Text).Style != NumberingStyle.None || title.Length >= 6))
                || l.Compact.Length > 45 || l.Compact.TrimEnd('。').Contains('。')
                || (hadLeaders && l.Page != lines[i - 1].Page && !NextHasLeader(lines, i));
            if (bodyRestarts)
            {
                if (!hadLeaders) GiveBackBodyStart(i);
                break;
            }
            var page = TrailingPageRx().Match(l.Text);
            members.Add(i);
            entries.Add(new TocEntry(i, title, page.Success ? int.Parse(page.Groups[1].Value) : null));
            seen.Add(title);
        }
        return head < 0 && members.Count == 0 ? Toc.None : new Toc(head >= 0 ? head : null, members, entries);

        // A 目录 read without its leaders (OCR drops the dots; some producers print none) has no page break to end at,
        // so it ran on into the next page's first line, the body's first heading (上海市…局主要职能), until the prose under
        // it: a page that the body restarts on after at most MaxBodyStartLines entry-like lines gives those lines back.
        void GiveBackBodyStart(int restart)
        {
            var page = lines[restart].Page;
            var onPage = entries.Where(e => lines[e.LineIndex].Page == page).ToList();
            if (onPage.Count == 0 || onPage.Count > MaxBodyStartLines || onPage.Count == entries.Count) return;
            foreach (var e in onPage) { members.Remove(e.LineIndex); entries.Remove(e); }
        }

        void Add(DocLine l, Match leader)
        {
            members.Add(l.Index);
            var title = TitleOf(l.Text[..leader.Index]);
            entries.Add(new TocEntry(l.Index, title, leader.Groups[1].Success ? int.Parse(leader.Groups[1].Value) : null));
            seen.Add(title);
        }
    }

    /// <summary>Lines of a new page a 目录 without leaders may have taken before the body's prose: a heading and its subtitle.</summary>
    private const int MaxBodyStartLines = 2;

    private static bool NextHasLeader(IReadOnlyList<DocLine> lines, int i)
    {
        for (var j = i; j < Math.Min(lines.Count, i + 3); j++)
            if (LeaderRx().Match(lines[j].Text) is { Success: true, Index: > 0 }) return true;
        return false;
    }

    /// <summary>Compact title without numbering, list dashes or page numbers.</summary>
    public static string TitleOf(string text)
    {
        var t = text.TrimStart('-', '•', ' ');
        t = TrailingPageRx().Replace(t, "");
        return Extractor.Core.Text.TextNormalizer.Compact(Numbering.Parse(t).Title);
    }
}
