namespace Extractor.Office.Bookmarks;

/// <summary>What a bookmark name stands for: a table, an amount (fact) or a reason (section).</summary>
public sealed record BookmarkTarget(string Name, string Kind, string Target, string Source)
{
    public const string Table = "table";
    public const string Amount = "amount";
    public const string Reason = "reason";
}

/// <summary>
/// The bookmark name → canonical id mapping, read from the embedded Bookmarks/bookmark-map.tsv (documented
/// there). END_X resolves like X; names beginning with "_" are Word's own and never map.
/// </summary>
public sealed class BookmarkMap
{
    private readonly Dictionary<string, BookmarkTarget> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BookmarkTarget> _prefixes = [];

    public static BookmarkMap Default { get; } = Load();

    public IReadOnlyList<BookmarkTarget> Entries => [.. _exact.Values, .. _prefixes];

    public static BookmarkMap Parse(string tsv)
    {
        var map = new BookmarkMap();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length < 3) throw new FormatException($"bookmark map line needs name, kind, target: {line}");
            var kind = cols[1].Trim();
            if (kind is not (BookmarkTarget.Table or BookmarkTarget.Amount or BookmarkTarget.Reason))
                throw new FormatException($"bookmark map: unknown kind '{kind}' in: {line}");
            var name = cols[0].Trim();
            var target = new BookmarkTarget(name.TrimEnd('*'), kind, cols[2].Trim(), cols.Length > 3 ? cols[3].Trim() : "");
            if (name.EndsWith('*')) map._prefixes.Add(target);
            else map._exact[name] = target;
        }
        return map;
    }

    public BookmarkTarget? Resolve(string name)
    {
        if (name.Length == 0 || name.StartsWith('_')) return null;
        var bare = name.StartsWith("END_", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        if (_exact.TryGetValue(bare, out var t)) return t;
        return _prefixes.FirstOrDefault(p => bare.StartsWith(p.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static BookmarkMap Load()
    {
        using var stream = typeof(BookmarkMap).Assembly.GetManifestResourceStream("Extractor.Office.bookmark-map.tsv")
                           ?? throw new InvalidOperationException("embedded bookmark-map.tsv missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
