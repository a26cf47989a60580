using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Core.Schema;

/// <summary>One id of the contract: a table id, section id, fact key or check rule, with its Chinese name.</summary>
/// <param name="Family">tables, sections, keys or checks</param>
/// <param name="Id">the id; may hold placeholders such as <c>&lt;table&gt;</c> or <c>&lt;snake_name&gt;</c></param>
/// <param name="Name">the Chinese name or title as documents print it</param>
/// <param name="Unit">the unit of a fact key (万元, 辆, %, 分), else null</param>
/// <param name="Reserved">in the contract but read by no code yet (marked "(not read yet)")</param>
public sealed record SchemaEntry(string Family, string Id, string Name, string? Unit, string Description, bool Reserved)
{
    public bool IsPattern => Id.Contains('<');
}

/// <summary>
/// The ids of docs/schema.md (embedded in this assembly), read from its id tables: §2 table ids, §3 section ids,
/// §4 fact keys with their Chinese names and units, §5 check rules. `extractor schema` prints them, the key
/// suggestions of `facts`/`compare` search them, and a test keeps the document in step with the code.
/// </summary>
public static partial class SchemaCatalog
{
    public const string Tables = "tables", Sections = "sections", Keys = "keys", Checks = "checks";
    public static readonly string[] Families = [Keys, Tables, Sections, Checks];

    /// <summary>Suffixes a fact key may carry (SCHEMA §4): the budget figure and the prior year's.</summary>
    public static readonly string[] KeySuffixes = [".budget", ".prior_year"];

    private static readonly Lazy<IReadOnlyList<SchemaEntry>> Embedded = new(() => Parse(Markdown));

    /// <summary>docs/schema.md as built into this program.</summary>
    public static string Markdown => ReadEmbedded();

    public static IReadOnlyList<SchemaEntry> All => Embedded.Value;

    public static IReadOnlyList<SchemaEntry> Of(string family) => All.Where(e => e.Family == family).ToList();

    /// <summary>Every id row of the document's id tables (a table whose first header cell is id, key or rule).</summary>
    public static IReadOnlyList<SchemaEntry> Parse(string markdown)
    {
        var entries = new List<SchemaEntry>();
        string? family = null;
        string[]? header = null;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                family = line switch
                {
                    _ when line.StartsWith("## 2.", StringComparison.Ordinal) => Tables,
                    _ when line.StartsWith("## 3.", StringComparison.Ordinal) => Sections,
                    _ when line.StartsWith("## 4.", StringComparison.Ordinal) => Keys,
                    _ when line.StartsWith("## 5.", StringComparison.Ordinal) => Checks,
                    _ => null,
                };
                header = null;
                continue;
            }
            if (!line.StartsWith('|')) { header = null; continue; }
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells[0] is "id" or "key" or "rule" ? cells : [];
                continue;
            }
            if (header.Length == 0 || family is null || cells.All(c => c.Trim('-', ':').Length == 0)) continue;
            var id = cells[0].Trim('`');
            if (id.Length == 0) continue;
            string Cell(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < cells.Length ? cells[i] : "";
            var description = family == Keys ? Cell("meaning") : cells.Length > 1 ? cells[1] : "";
            var name = family == Keys ? Cell("中文名") : description;
            var unit = family == Keys ? Cell("unit") : null;
            entries.Add(new SchemaEntry(family, id, name, string.IsNullOrEmpty(unit) ? null : unit, description,
                description.Contains("(not read yet)", StringComparison.Ordinal)));
        }
        return entries;
    }

    /// <summary>The documented key for <paramref name="key"/> (a suffix such as .budget stripped), or null.</summary>
    public static SchemaEntry? Key(string key) => Find(Of(Keys), BaseKey(key));

    public static string BaseKey(string key)
    {
        foreach (var s in KeySuffixes)
            if (key.EndsWith(s, StringComparison.Ordinal) && key.Length > s.Length) return key[..^s.Length];
        return key;
    }

    private static SchemaEntry? Find(IEnumerable<SchemaEntry> entries, string id) => entries.FirstOrDefault(e => e.Id == id);

    /// <summary>
    /// True when <paramref name="pattern"/> (an id, or an id with placeholders such as &lt;table&gt;) names
    /// <paramref name="id"/>. A placeholder stands for one or more dotted id segments.
    /// </summary>
    public static bool Covers(string pattern, string id)
    {
        if (!pattern.Contains('<')) return pattern == id;
        var rx = "^" + string.Concat(Placeholder().Split(pattern).Select((part, i) => i % 2 == 1 ? "[a-z0-9_.]+" : Regex.Escape(part))) + "$";
        return Regex.IsMatch(id, rx);
    }

    [GeneratedRegex(@"<([a-z_*]+)>")]
    private static partial Regex Placeholder();

    /// <summary>
    /// Fact keys a user may have meant by <paramref name="query"/>, best first: the key itself; keys whose Chinese
    /// name or meaning contains the words (三公, 公务接待); keys containing the text (reception); then the nearest by
    /// spelling (three_publc.total). Empty when nothing is close.
    /// </summary>
    public static IReadOnlyList<SchemaEntry> SuggestKeys(string query, int max = 6)
    {
        var keys = Of(Keys).Where(k => !k.Reserved).ToList();
        var q = Fold(query);
        if (q.Length == 0) return [];
        var exact = keys.Where(k => k.Id == q).ToList();
        if (exact.Count > 0) return exact;
        var byName = keys.Where(k => Fold(k.Name).Contains(q, StringComparison.Ordinal) || Fold(k.Description).Contains(q, StringComparison.Ordinal))
            // the shortest name that holds the words is the likeliest meaning: 三公 → “三公”经费合计
            .OrderBy(k => Fold(k.Name).Contains(q, StringComparison.Ordinal) ? 0 : 1).ThenBy(k => k.Name.Length).ToList();
        var byId = keys.Where(k => k.Id.Contains(q, StringComparison.Ordinal)).ToList();
        var near = keys.Select(k => (k, d: Math.Min(Distance(q, k.Id), k.Id.Split('.').Min(part => Distance(q, part)))))
            .Where(x => x.d <= Math.Max(2, q.Length / 3)).OrderBy(x => x.d).Select(x => x.k).ToList();
        return byName.Concat(byId).Concat(near).Distinct().Take(max).ToList();
    }

    /// <summary>Full-width folded, quotes and spaces removed, lower case: how names are compared.</summary>
    private static string Fold(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '\'' or '‘' or '’' or '(' or ')' or '（' or '）')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Levenshtein distance (small strings only).</summary>
    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private static string ReadEmbedded()
    {
        using var s = typeof(SchemaCatalog).Assembly.GetManifestResourceStream("docs/schema.md")
            ?? throw new InvalidOperationException("docs/schema.md is not embedded in " + typeof(SchemaCatalog).Assembly.GetName().Name);
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }
}
