using Extractor.Core.Schema;
using Extractor.Store;
using Extractor.Store.Queries;

namespace Extractor.Cli.Commands;

/// <summary>
/// What `--key` of facts and compare accepts: a fact key (docs/schema.md §4, with .budget / .prior_year), a prefix
/// ending in * (three_public.*), a key only the store holds, or words of a key's Chinese name (三公, 公务接待费) when
/// they name one key. Anything else is refused with the nearest keys, never answered with an empty list.
/// </summary>
public static class KeyArgument
{
    /// <summary>The key to query; a key found by its Chinese name is announced on stderr.</summary>
    /// <exception cref="UsageException">no key is meant: the message lists the nearest ones</exception>
    public static string Resolve(string key, ExtractorStore store)
    {
        key = key.Trim();
        if (key.EndsWith('*'))
        {
            var prefix = key[..^1];
            if (SchemaCatalog.Of(SchemaCatalog.Keys).Any(k => k.Id.StartsWith(prefix, StringComparison.Ordinal))
                || store.FactKeys().Any(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)))
                return key;
            throw Unknown(key, SchemaCatalog.SuggestKeys(prefix.TrimEnd('.')));
        }
        if (SchemaCatalog.Key(key) is not null || store.FactKeys().Any(k => k.Key == key)) return key;
        var suggestions = SchemaCatalog.SuggestKeys(key);
        // Words of one key's Chinese name (三公 → three_public.total): that key.
        var named = suggestions.Where(s => Fold(s.Name).Contains(Fold(key), StringComparison.Ordinal)).ToList();
        var exact = named.Where(s => Fold(s.Name) == Fold(key)).ToList();
        var chosen = exact.Count == 1 ? exact[0] : named.Count == 1 ? named[0] : null;
        if (chosen is not null && key.Any(c => c > 0x2E80))
        {
            Console.Error.WriteLine($"--key {key}: {chosen.Id} ({chosen.Name})");
            return chosen.Id;
        }
        throw Unknown(key, suggestions);
    }

    private static UsageException Unknown(string key, IReadOnlyList<SchemaEntry> suggestions) => new(
        $"--key {key}: no such fact key. " +
        (suggestions.Count > 0 ? "Did you mean " + string.Join(", ", suggestions.Select(s => $"{s.Id} ({s.Name})")) + "? " : "") +
        "'extractor schema keys' lists them all; Chinese names work too (--key 三公).");

    private static string Fold(string s) =>
        new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '(' or ')')).ToArray());
}
