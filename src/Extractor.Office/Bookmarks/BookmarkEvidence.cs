using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Office.Docx;

namespace Extractor.Office.Bookmarks;

/// <summary>An amount a bookmark names: fact key, value in 万元, the printed text and unit, where it is.</summary>
public sealed record BookmarkFact(string Key, decimal Value, string Printed, string PrintedUnit, string Path, string Bookmark);

/// <summary>A 主要原因 sentence a bookmark names, with the section it explains.</summary>
public sealed record BookmarkReason(string SectionId, string Text, string Path, string Bookmark);

/// <summary>A table a bookmark encloses: its canonical id and its index in the native tables.</summary>
public sealed record BookmarkTable(string TableId, int NativeTable, string Path, string Bookmark);

/// <summary>
/// What a Word document's bookmarks say, read through <see cref="BookmarkMap"/>: amounts (a bookmark enclosing
/// "3.72" or a point bookmark before "…支出决算为3.72万元"), reasons and tables. These are evidence to check the
/// pipeline's own reading against (<see cref="BookmarkCheckRunner"/>), never a silent substitute for it.
/// </summary>
public sealed partial class BookmarkEvidence
{
    public IReadOnlyList<BookmarkFact> Facts { get; private init; } = [];
    public IReadOnlyList<BookmarkReason> Reasons { get; private init; } = [];
    public IReadOnlyList<BookmarkTable> Tables { get; private init; } = [];

    /// <summary>The amounts as (fact key, value in 万元, element path).</summary>
    public IReadOnlyList<(string Key, decimal Value, string Path)> BookmarkFacts => Facts.Select(f => (f.Key, f.Value, f.Path)).ToList();

    public static BookmarkEvidence From(DocumentContent content, BookmarkMap? map = null) => From(DocxBookmarks.Of(content), map);

    public static BookmarkEvidence From(IReadOnlyList<DocxBookmark> bookmarks, BookmarkMap? map = null)
    {
        map ??= BookmarkMap.Default;
        var facts = new List<BookmarkFact>();
        var reasons = new List<BookmarkReason>();
        var tables = new List<BookmarkTable>();
        // X before END_X: the opening bookmark carries the enclosed text; END_X alone stands for X.
        var ordered = bookmarks.Where(b => map.Resolve(b.Name) is not null)
            .OrderBy(b => b.Name.StartsWith("END_", StringComparison.OrdinalIgnoreCase) ? 1 : 0).ToList();
        var seen = new HashSet<(string Kind, string Target, string Path)>();
        foreach (var b in ordered)
        {
            var target = map.Resolve(b.Name)!;
            var text = b.IsPoint ? b.After : b.Text;
            switch (target.Kind)
            {
                case BookmarkTarget.Amount when Amount(text, enclosed: !b.IsPoint) is { } amount:
                    if (seen.Add((target.Kind, target.Target, "")))
                        facts.Add(new BookmarkFact(target.Target, amount.Value, amount.Printed, amount.Unit, b.Path, b.Name));
                    break;
                case BookmarkTarget.Reason when Reason(text) is { Length: > 0 } reason:
                    if (seen.Add((target.Kind, target.Target, reason)))
                        reasons.Add(new BookmarkReason(target.Target, reason, b.Path, b.Name));
                    break;
                case BookmarkTarget.Table when b.Table is { } index:
                    if (seen.Add((target.Kind, target.Target, "")))
                        tables.Add(new BookmarkTable(target.Target, index, b.Path, b.Name));
                    break;
            }
        }
        return new BookmarkEvidence { Facts = facts, Reasons = reasons, Tables = tables };
    }

    /// <summary>
    /// The amount in a bookmark's text: the whole text when it is a bare number (unit 万元), else the first
    /// number printed with a money unit ("决算为3.72万元"); in 万元.
    /// </summary>
    public static (decimal Value, string Printed, string Unit)? Amount(string text, bool enclosed)
    {
        var compact = text.Replace(" ", "");
        if (enclosed && BareNumber().Match(compact) is { Success: true } bare && Parse(bare.Groups[1].Value) is { } v)
            return (v, bare.Groups[1].Value, "万元");
        var m = WithUnit().Match(compact);
        if (!m.Success || Parse(m.Groups[1].Value) is not { } value) return null;
        var unit = m.Groups[2].Value;
        var scaled = unit switch { "元" => value / 10000m, "亿元" => value * 10000m, _ => value };
        return (scaled, m.Groups[1].Value, unit);
    }

    /// <summary>The reason sentence: from 主要 (主要是 / 主要原因) to the end of its sentence, else the text's first sentence.</summary>
    public static string Reason(string text)
    {
        var start = text.IndexOf("主要", StringComparison.Ordinal);
        var from = start < 0 ? text : text[start..];
        var stop = from.IndexOf('。');
        return (stop < 0 ? from : from[..(stop + 1)]).Trim();
    }

    private static decimal? Parse(string s) =>
        decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex(@"^(-?\d[\d,]*(?:\.\d+)?)(?:万元)?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"(-?\d[\d,]*(?:\.\d+)?)(亿元|万元|元)")]
    private static partial Regex WithUnit();
}
