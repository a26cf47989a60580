namespace Extractor.Recognition.Tables;

/// <summary>
/// Printed table titles → SCHEMA §2 ids, from the reviewed lexicon table-titles.tsv (embedded; each row says why it
/// exists). Within a set the rows are tried in order and the first match wins.
/// </summary>
public static class TableTitleLexicon
{
    private sealed record Entry(string Set, IReadOnlyList<string[]> Alternatives, string Id);

    private static readonly Lazy<IReadOnlyList<Entry>> Entries = new(() => LexiconFile.Rows("Extractor.Recognition.table-titles.tsv", 4)
        .Select(r => new Entry(r[0].Trim(), r[1].Trim().Split('|').Select(a => a.Split('+')).ToList(), r[2].Trim()))
        .ToList());

    /// <summary>The id of a compacted title looked up in one set (budget, final, perf); null when no row matches.</summary>
    public static string? Lookup(string set, string title) =>
        Entries.Value.FirstOrDefault(e => e.Set == set && e.Alternatives.Any(words => words.All(title.Contains)))?.Id;

    /// <summary>Every id the lexicon can give (for tests: none may be renamed).</summary>
    public static IEnumerable<string> Ids => Entries.Value.Select(e => e.Id).Distinct();
}
