namespace Extractor.Recognition.Tables;

/// <summary>
/// Where a term occurs in a text allowing OCR errors: the text span with the least weighted edit cost
/// (insertions, deletions, substitutions, swaps of neighbours; free text either side). Characters OCR
/// is known to mistake for each other (末/未, 入/人, 支/文, 决/诀…) cost half a substitution, so a
/// misread 年未结转 is nearer to 年末 than to 年初.
/// </summary>
public static class ApproximateMatch
{
    public readonly record struct Hit(int Start, int Length, double Cost);

    // Pairs of glyphs Tesseract's chi_sim model confuses on scanned budget tables.
    private static readonly string[] Confusable =
        ["末未", "末来", "入人", "支文", "决诀", "己已", "目日", "(〈", ")〉"];

    private static readonly HashSet<(char, char)> Pairs = Confusable
        .SelectMany(p => new[] { (p[0], p[1]), (p[1], p[0]) }).ToHashSet();

    private static double Substitution(char a, char b) => a == b ? 0 : Pairs.Contains((a, b)) ? 0.5 : 1;

    /// <summary>The cheapest occurrence of term anywhere in text (semi-global alignment).</summary>
    public static Hit Find(string term, string text) => Align(term, text, freeEnds: true);

    /// <summary>The cost of reading text as term, whole against whole.</summary>
    public static double Distance(string term, string text) => Align(term, text, freeEnds: false).Cost;

    /// <summary>
    /// Characters missing or extra whatever their order (the larger count): a wrapped header whose lines
    /// OCR put back in the wrong order (公国(境)费因出 for 因公出国(境)费) is still near its name.
    /// </summary>
    public static int Unordered(string term, string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var ch in term) counts[ch] = counts.GetValueOrDefault(ch) + 1;
        foreach (var ch in text) counts[ch] = counts.GetValueOrDefault(ch) - 1;
        return Math.Max(counts.Values.Where(v => v > 0).Sum(), -counts.Values.Where(v => v < 0).Sum());
    }

    private static Hit Align(string term, string text, bool freeEnds)
    {
        int m = term.Length, n = text.Length;
        var d = new double[m + 1, n + 1];
        var start = new int[m + 1, n + 1];
        for (var j = 0; j <= n; j++) { d[0, j] = freeEnds ? 0 : j; start[0, j] = freeEnds ? j : 0; }
        for (var i = 1; i <= m; i++)
        {
            d[i, 0] = i;
            start[i, 0] = 0;
            for (var j = 1; j <= n; j++)
            {
                var best = d[i - 1, j - 1] + Substitution(term[i - 1], text[j - 1]);
                var from = start[i - 1, j - 1];
                if (d[i - 1, j] + 1 < best) { best = d[i - 1, j] + 1; from = start[i - 1, j]; }
                if (d[i, j - 1] + 1 < best) { best = d[i, j - 1] + 1; from = start[i, j - 1]; }
                if (i > 1 && j > 1 && term[i - 1] == text[j - 2] && term[i - 2] == text[j - 1] && d[i - 2, j - 2] + 1 < best)
                {
                    best = d[i - 2, j - 2] + 1;
                    from = start[i - 2, j - 2];
                }
                d[i, j] = best;
                start[i, j] = from;
            }
        }
        var end = n;
        if (freeEnds)
            for (var j = 0; j <= n; j++)
                if (d[m, j] < d[m, end]) end = j;
        return new Hit(start[m, end], end - start[m, end], d[m, end]);
    }
}
