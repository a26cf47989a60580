using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Extractor.Web;

/// <summary>
/// CSS selector paths for the elements of one document: from the nearest ancestor with a unique id (#id) or from
/// html, each step the tag with :nth-of-type(k) where it has siblings of the same tag; document.querySelector(path)
/// finds the element again. Linear in the document: a parent's children get their steps in one pass and ids are
/// counted once, so a table of 100,000 rows or a page nested 100,000 deep costs no more than its size.
/// </summary>
internal sealed partial class ElementPaths
{
    private readonly Dictionary<IElement, string> _paths = new();
    private readonly Dictionary<IElement, string> _steps = new();
    private Dictionary<string, int>? _idCounts;

    public string Of(IElement element)
    {
        // Walk up to the nearest ancestor whose path is known (or a root), then build paths back down: no recursion,
        // so depth costs heap, not stack.
        var chain = new List<IElement>();
        var e = element;
        string prefix = "";
        while (e is not null)
        {
            if (_paths.TryGetValue(e, out var known)) { prefix = known; break; }
            if (UniqueId(e) is { } id) { prefix = "#" + id; _paths[e] = prefix; break; }
            chain.Add(e);
            e = e.ParentElement;
        }
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var step = Step(chain[i]);
            prefix = prefix.Length == 0 ? step : prefix + ">" + step;
            _paths[chain[i]] = prefix;
        }
        return prefix;
    }

    private string? UniqueId(IElement e)
    {
        var id = e.Id;
        if (string.IsNullOrEmpty(id) || !IdRx().IsMatch(id)) return null;
        _idCounts ??= CountIds(e.Owner);
        return _idCounts.GetValueOrDefault(id) == 1 ? id : null;
    }

    private static Dictionary<string, int> CountIds(IDocument? document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (document is null) return counts;
        foreach (var el in document.All)
            if (el.Id is { Length: > 0 } id) counts[id] = counts.GetValueOrDefault(id) + 1;
        return counts;
    }

    private string Step(IElement e)
    {
        if (e.ParentElement is not { } parent) return e.LocalName;
        if (_steps.TryGetValue(e, out var step)) return step;
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sibling in parent.Children) totals[sibling.LocalName] = totals.GetValueOrDefault(sibling.LocalName) + 1;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sibling in parent.Children)
        {
            var tag = sibling.LocalName;
            var k = seen[tag] = seen.GetValueOrDefault(tag) + 1;
            _steps[sibling] = totals[tag] > 1 ? $"{tag}:nth-of-type({k})" : tag;
        }
        return _steps[e];
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*$")]
    private static partial Regex IdRx();
}
