using Extractor.Core.Text;
using Extractor.Sections.Candidates;

namespace Extractor.Sections.Tree;

/// <summary>
/// A heading placed in the tree: its level (1 = top), its parent's index in the list, and its position in the
/// document as a fraction (pages, then lines within the page) — a store that only knows the page can approximate it.
/// </summary>
public sealed record HeadingNode(HeadingCandidate Candidate, int Level, int? Parent, double Position)
{
    public string Heading => Candidate.Text;
    public int Page => Candidate.Page;
    /// <summary>The title without its number, compacted: what rules and the classifier read.</summary>
    public string Title => TextNormalizer.Compact(Candidate.Number.Style == NumberingStyle.None ? Candidate.Text : Candidate.Number.Title);
}

/// <summary>Builds the heading tree from numbering style and order.</summary>
public interface IHeadingTreeBuilder
{
    IReadOnlyList<HeadingNode> Build(IReadOnlyList<HeadingCandidate> candidates, IReadOnlyList<DocLine> lines);
}

/// <summary>
/// Levels come from the order in which numbering styles first appear under a heading, not from a fixed
/// table: most reports follow 一、 → (一) → 1. → (1), but some start at (一) or skip one, and a style
/// seen again closes every deeper level (the way a reader reads an outline). 第X部分 and display titles
/// always open a new top level; the 目录 heading is top level but parents nothing.
/// </summary>
public sealed class StyleStackTreeBuilder : IHeadingTreeBuilder
{
    public IReadOnlyList<HeadingNode> Build(IReadOnlyList<HeadingCandidate> candidates, IReadOnlyList<DocLine> lines)
    {
        var pages = lines.Count == 0 ? 1 : lines.Max(l => l.Page);
        var linesOnPage = lines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.Count());
        var nodes = new List<HeadingNode>();
        var stack = new List<StyleKey>();
        var underTop = false;
        foreach (var c in candidates)
        {
            int level;
            if (c.Style == StyleKey.Top)
            {
                stack.Clear();
                level = 1;
                underTop = c.Evidence != "toc-heading";
            }
            else
            {
                var at = stack.IndexOf(c.Style);
                if (at >= 0) stack.RemoveRange(at + 1, stack.Count - at - 1);
                else { stack.Add(c.Style); at = stack.Count - 1; }
                level = at + 1 + (underTop ? 1 : 0);
            }
            int? parent = null;
            for (var k = nodes.Count - 1; k >= 0; k--)
                if (nodes[k].Level < level) { parent = nodes[k].Candidate.Evidence == "toc-heading" ? null : k; break; }
            var first = lines[c.FirstLine];
            var position = (first.Page - 1 + (double)first.LineOnPage / Math.Max(1, linesOnPage[first.Page])) / pages;
            nodes.Add(new HeadingNode(c, level, parent, Math.Round(position, 4)));
        }
        return nodes;
    }
}
