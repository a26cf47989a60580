using System.Text.RegularExpressions;
using Extractor.Core.Text;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// A reviewed word list kept as data: an embedded TSV whose first non-comment line names its columns, one of
/// them <c>why</c> (the reason the entry exists, in domain terms). Lines starting with # are comments.
/// </summary>
public sealed partial class Lexicon
{
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Entries { get; }

    private Lexicon(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> entries) =>
        (Columns, Entries) = (columns, entries);

    public static Lexicon Parse(string name, string tsv)
    {
        string[]? header = null;
        var entries = new List<IReadOnlyDictionary<string, string>>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
                if (!header.Contains("why")) throw new FormatException($"{name}: the header names no 'why' column");
                continue;
            }
            if (cells.Length != header.Length) throw new FormatException($"{name}: {cells.Length} cells where the header has {header.Length}: {line}");
            var entry = header.Zip(cells).ToDictionary(p => p.First, p => p.Second.Trim());
            if (entry["why"].Length == 0) throw new FormatException($"{name}: an entry without its reason: {line}");
            entries.Add(entry);
        }
        return new Lexicon(header ?? throw new FormatException($"{name}: empty"), entries);
    }

    public static Lexicon Embedded(string file)
    {
        var resource = "Extractor.Recognition.Meaning." + file;
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded lexicon {file} missing");
        using var reader = new StreamReader(stream);
        return Parse(file, reader.ReadToEnd());
    }

    /// <summary>
    /// The form labels and headers are compared in: compact (no white space), without a leading ordinal
    /// (一、 （二） 1.), quotes, a trailing colon or the 其中: lead-in's colon.
    /// </summary>
    public static string Key(string text)
    {
        var t = CellKinds.StripOrdinal(TextNormalizer.Compact(text));
        t = Quotes().Replace(t, string.Empty);
        return t.TrimEnd(':', '：');
    }

    /// <summary>One lexicon pattern against a key: exact, prefix, suffix, contains or regex.</summary>
    public static bool Matches(string match, string pattern, string key) => match switch
    {
        "exact" => key == pattern,
        "prefix" => key.StartsWith(pattern, StringComparison.Ordinal),
        "suffix" => key.EndsWith(pattern, StringComparison.Ordinal),
        "contains" => key.Contains(pattern, StringComparison.Ordinal),
        "regex" => Regex.IsMatch(key, pattern),
        _ => throw new FormatException($"unknown match kind '{match}'"),
    };

    [GeneratedRegex("[“”\"'‘’「」]")]
    private static partial Regex Quotes();
}
