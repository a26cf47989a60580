using System.Text;

namespace Extractor.Recognition.Tables;

/// <summary>
/// An x_ id for a table outside the standard sets, built from the domain words of its title (the lexicon
/// table-title-words.tsv) so the same title gives the same id in every document (SCHEMA §2: keep the title, do not
/// force an id). General table nouns (情况, 名单, 标准 …) are used only for a title with no budget word in it.
/// </summary>
public static class SnakeName
{
    private static readonly Lazy<IReadOnlyList<(string Word, string Name, int Tier)>> Words = new(() =>
        LexiconFile.Rows("Extractor.Recognition.table-title-words.tsv", 4)
            .Select(r => (r[0].Trim(), r[1].Trim(), int.Parse(r[2].Trim())))
            .ToList());

    public static string Of(string title)
    {
        var parts = Parts(title, 1);
        if (parts.Count == 0) parts = Parts(title, 2);
        if (parts.Count > 0) return string.Join("_", parts);
        // No known word: a short stable hash of the title keeps distinct tables distinct.
        var h = 0u;
        foreach (var ch in Encoding.UTF8.GetBytes(title)) h = h * 31 + ch;
        return "table_" + (h % 100000).ToString("00000");
    }

    private static List<string> Parts(string title, int tier)
    {
        var words = Words.Value.Where(w => w.Tier == tier).ToList();
        var parts = new List<string>();
        var i = 0;
        while (i < title.Length)
        {
            var hit = words.FirstOrDefault(w => string.CompareOrdinal(title, i, w.Word, 0, w.Word.Length) == 0);
            if (hit.Word is not null) { if (!parts.Contains(hit.Name)) parts.Add(hit.Name); i += hit.Word.Length; }
            else i++;
        }
        return parts;
    }
}
