namespace Extractor.Recognition.Meaning;

/// <summary>
/// The national indicator framework's levels (indicator-levels.tsv): splits an indicator printed with its 一级 and 二级
/// 指标 run into its own name in one cell (产出指标数量指标开展监测工作) into the three.
/// </summary>
public static class IndicatorLevels
{
    private static readonly Lexicon Levels = Lexicon.Embedded("indicator-levels.tsv");

    private static readonly (string Name, string[] Children)[] FirstLevels = Levels.Entries.Where(e => e["level"] == "1")
        .Select(e => (e["name"], Levels.Entries.Where(c => c["level"] == "2" && c["parent"] == e["name"]).Select(c => c["name"])
            .OrderByDescending(n => n.Length).ToArray()))
        .ToArray();

    /// <summary>
    /// The first level to carry for a line printing its second level but not its first: the first level carried down
    /// from a merged cell above, unless that is one of the framework's first levels this second level does not belong
    /// to and the framework gives the second level one parent (社会效益指标 under 效益指标). A merged 一级指标 cell cut by
    /// a page break prints its name on one side only, and the lines on the other side otherwise inherit the level
    /// above it; a level the framework does not know is left as carried.
    /// </summary>
    public static string Carried(string carried, string level2)
    {
        if (!FirstLevels.Any(f => f.Name == carried) || FirstLevels.Any(f => f.Name == carried && f.Children.Contains(level2))) return carried;
        var parents = FirstLevels.Where(f => f.Children.Contains(level2)).Select(f => f.Name).ToList();
        return parents.Count == 1 ? parents[0] : carried;
    }

    /// <summary>
    /// The first level, second level and the indicator's own name, when the text starts with a first level followed
    /// at once by one of its second levels and goes on with a name; else null.
    /// </summary>
    public static (string Level1, string Level2, string Indicator)? Split(string text)
    {
        foreach (var (first, children) in FirstLevels)
        {
            if (!text.StartsWith(first, StringComparison.Ordinal)) continue;
            var rest = text[first.Length..];
            foreach (var second in children)
                if (rest.StartsWith(second, StringComparison.Ordinal) && rest.Length > second.Length)
                    return (first, second, rest[second.Length..]);
        }
        return null;
    }
}
