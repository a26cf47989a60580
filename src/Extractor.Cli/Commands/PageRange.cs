namespace Extractor.Cli.Commands;

/// <summary>A page selection as users type it: "3", "3-5", "1,4-6", or "all".</summary>
public sealed class PageRange
{
    private readonly HashSet<int> _pages;
    private PageRange(HashSet<int> pages) => _pages = pages;

    public bool Contains(int page) => _pages.Contains(page);
    public IEnumerable<int> Pages => _pages.Order();

    public static PageRange Parse(string? text, int pageCount)
    {
        var set = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "all")
        {
            for (var i = 1; i <= pageCount; i++) set.Add(i);
            return new PageRange(set);
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (!int.TryParse(bounds[0], out var from) || from < 1)
                throw new ArgumentException($"bad page selection '{text}'");
            var to = bounds.Length > 1 ? (int.TryParse(bounds[1], out var t) ? t : throw new ArgumentException($"bad page selection '{text}'")) : from;
            for (var i = from; i <= Math.Min(to, pageCount); i++) set.Add(i);
        }
        return new PageRange(set);
    }
}
