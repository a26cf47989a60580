namespace Extractor.Recognition.Tables;

/// <summary>The rows of an embedded, tab-separated lexicon: comment lines (#) and blank lines skipped.</summary>
internal static class LexiconFile
{
    public static IEnumerable<string[]> Rows(string resource, int columns)
    {
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded lexicon {resource} missing");
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length < columns || cells.Take(columns).Any(c => c.Trim().Length == 0))
                throw new InvalidOperationException($"{resource} line {number}: expected {columns} tab-separated columns");
            yield return cells;
        }
    }
}
