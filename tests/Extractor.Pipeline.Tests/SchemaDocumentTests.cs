using System.Reflection;
using System.Text.RegularExpressions;
using Extractor.Core.Schema;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Tables;
using Extractor.TestSupport;
using Xunit.Abstractions;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// docs/schema.md in step with the code: every table id, section id, fact key and check rule the code names (in
/// its source) or emits (on the repository's corpus) is listed in the document, and every id the document lists
/// is one the code names or emits (or is marked "(not read yet)"). A failure names the id, its family and the side
/// it is missing from, and where the code has it, so whoever added it can add the row.
/// </summary>
public partial class SchemaDocumentTests(ITestOutputHelper output)
{
    private static readonly string Repo = Path.GetDirectoryName(Corpus.Root)!;
    private static readonly string DocPath = Path.Combine(Repo, "docs", "schema.md");

    /// <summary>An id as the code has it: literal, or with &lt;*&gt; where the code fills in a table or key.</summary>
    private sealed record CodeId(string Family, string Id, string Where);

    private static readonly Lazy<List<CodeId>> Emitted = new(EmittedOnTheCorpus);

    [Fact]
    public void The_program_carries_the_document_as_it_is_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(DocPath).ReplaceLineEndings(), SchemaCatalog.Markdown.ReplaceLineEndings());
        foreach (var family in SchemaCatalog.Families) Assert.NotEmpty(SchemaCatalog.Of(family));
        Assert.Equal("“三公”经费合计", SchemaCatalog.Key("three_public.total.budget")!.Name);
    }

    [Fact]
    public void Every_id_the_code_names_is_in_the_document() => AssertDocumented(NamedInSource());

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_id_the_code_emits_on_the_corpus_is_in_the_document() => AssertDocumented(Emitted.Value);

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_id_in_the_document_is_named_or_emitted_by_the_code()
    {
        var code = NamedInSource().Concat(Emitted.Value).ToList();
        var problems = new List<string>();
        foreach (var entry in SchemaCatalog.Parse(File.ReadAllText(DocPath)))
        {
            var hits = code.Where(c => c.Family == entry.Family && Same(entry.Id, c.Id)).ToList();
            if (entry.Reserved && hits.Count > 0)
                problems.Add($"docs/schema.md marks {Name(entry.Family)} '{entry.Id}' \"(not read yet)\", but the code has it ({hits[0].Where}): remove the marker");
            else if (!entry.Reserved && hits.Count == 0)
                problems.Add($"docs/schema.md lists {Name(entry.Family)} '{entry.Id}', which no code names and the corpus never yields: " +
                             "mark it \"(not read yet)\" in its row (ids are never removed or renamed), or make the code emit it");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private void AssertDocumented(IEnumerable<CodeId> ids)
    {
        var doc = SchemaCatalog.Parse(File.ReadAllText(DocPath));
        var missing = ids
            .Where(c => !doc.Any(e => e.Family == c.Family && Same(e.Id, c.Family == SchemaCatalog.Keys ? SchemaCatalog.BaseKey(c.Id) : c.Id)))
            .GroupBy(c => (c.Family, c.Id)).Select(g => g.First()).ToList();
        foreach (var m in missing) output.WriteLine($"{m.Family}: {m.Id} ({m.Where})");
        Assert.True(missing.Count == 0, string.Join("\n", missing.Select(m =>
            $"docs/schema.md lacks {Name(m.Family)} '{m.Id}', which the code has ({m.Where}): add a row to §{Section(m.Family)}")));
    }

    private static string Name(string family) => family switch
    {
        SchemaCatalog.Keys => "fact key", SchemaCatalog.Tables => "table id", SchemaCatalog.Sections => "section id", _ => "check rule",
    };

    private static int Section(string family) => family switch
    {
        SchemaCatalog.Tables => 2, SchemaCatalog.Sections => 3, SchemaCatalog.Keys => 4, _ => 5,
    };

    /// <summary>Two ids name the same thing: equal, or one's placeholders (&lt;table&gt;, &lt;*&gt;) stand for the other's parts.</summary>
    private static bool Same(string a, string b) =>
        a == b || SchemaCatalog.Covers(a, b) || SchemaCatalog.Covers(b, a) || SchemaCatalog.Covers(a, Sample(b)) || SchemaCatalog.Covers(b, Sample(a));

    private static string Sample(string id) => Placeholder().Replace(id, "x0");

    [GeneratedRegex(@"<[a-z_*]+>")]
    private static partial Regex Placeholder();

    // ---- the code's side -----------------------------------------------------------------------------------------

    /// <summary>
    /// Ids in the source: the fact key constants (FactKeys), the table id constants (TableIds) and every string
    /// literal shaped like a table id in Extractor.Recognition, like a section id in Extractor.Sections and like a
    /// check rule in Extractor.Recognition/Checks ({…} in an interpolated literal stands for a table or a key).
    /// </summary>
    private static List<CodeId> NamedInSource()
    {
        var ids = new List<CodeId>();
        foreach (var f in typeof(FactKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name != nameof(FactKeys.BudgetSuffix)))
            ids.Add(new CodeId(SchemaCatalog.Keys, (string)f.GetRawConstantValue()!, $"FactKeys.{f.Name}"));
        // Facts are declared in data: the key column of the table facts' sources.
        var sources = Path.Combine(Repo, "src", "Extractor.Recognition", "Meaning", "fact-sources.tsv");
        if (File.Exists(sources))
        {
            var lines = File.ReadLines(sources).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToList();
            var keyColumn = Array.IndexOf(lines[0].Split('\t'), "key");
            foreach (var line in lines.Skip(1))
                ids.Add(new CodeId(SchemaCatalog.Keys, line.Split('\t')[keyColumn], "src/Extractor.Recognition/Meaning/fact-sources.tsv"));
        }
        foreach (var f in typeof(TableIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            ids.Add(new CodeId(SchemaCatalog.Tables, (string)f.GetRawConstantValue()!, $"TableIds.{f.Name}"));
        // Tables are named by their printed titles in data: every id field of the reviewed title lexicons.
        foreach (var lexicon in Directory.EnumerateFiles(Path.Combine(Repo, "src"), "*.tsv", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            foreach (var line in File.ReadLines(lexicon).Where(l => !l.StartsWith('#')))
                foreach (var field in line.Split('\t'))
                    if (TableShape().IsMatch(field)) ids.Add(new CodeId(SchemaCatalog.Tables, field, Path.GetRelativePath(Repo, lexicon)));
        foreach (var (file, literal) in Literals(Path.Combine(Repo, "src", "Extractor.Recognition")))
            if (TableShape().IsMatch(literal)) ids.Add(new CodeId(SchemaCatalog.Tables, literal.StartsWith('.') ? "<*>" + literal : literal, file));
        // ("perf" alone is the root the perf.* ids share, compared against, not an id.)
        foreach (var (file, literal) in Literals(Path.Combine(Repo, "src", "Extractor.Sections")))
            if (SectionShape().IsMatch(literal) && literal != "perf") ids.Add(new CodeId(SchemaCatalog.Sections, literal, file));
        // A sub-heading that names a part of its parent gets the parent's id with that part's suffix.
        var subTopics = typeof(Sections.Mapping.RuleSectionMapper).GetField("SubTopics", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            as System.Collections.IDictionary ?? throw new InvalidOperationException("RuleSectionMapper.SubTopics moved: update this test");
        foreach (System.Collections.DictionaryEntry parent in subTopics)
            foreach (var rule in (System.Collections.IEnumerable)parent.Value!)
                ids.Add(new CodeId(SchemaCatalog.Sections, $"{parent.Key}.{rule.GetType().GetField("Item2")!.GetValue(rule)}", "RuleSectionMapper.SubTopics"));
        foreach (var (file, literal) in Literals(Path.Combine(Repo, "src", "Extractor.Recognition", "Checks")))
            if (RuleShape().IsMatch(literal) && !TableShape().IsMatch(literal) && literal.Contains('_'))
                ids.Add(new CodeId(SchemaCatalog.Checks, literal.EndsWith('.') ? literal + "<*>" : literal, file));
        // The section classifier predicts the ids it was trained on.
        foreach (var line in File.ReadLines(Path.Combine(Repo, "corpus", "labels", "headings.tsv")).Skip(1))
            if (line.Split('\t') is { Length: >= 8 } f && f[7].Length > 0)
                ids.Add(new CodeId(SchemaCatalog.Sections, f[7], "corpus/labels/headings.tsv (the classifier's labels)"));
        return ids;
    }

    /// <summary>String literals of the .cs files under <paramref name="folder"/> (comments removed), {…} → &lt;*&gt;.</summary>
    private static IEnumerable<(string File, string Literal)> Literals(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var relative = Path.GetRelativePath(Repo, file);
            foreach (var raw in File.ReadLines(file))
            {
                var line = LineComment().Replace(raw, "");
                foreach (Match m in StringLiteral().Matches(line))
                    yield return (relative, Interpolation().Replace(m.Groups["s"].Value, "<*>"));
            }
        }
    }

    [GeneratedRegex(@"^\s*//.*$|\s//\s.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex("\\$?@?\"(?<s>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^(?:final|budget|perf)?\.(?:t\d\d_[a-z0-9_]+|x_[a-z0-9_]+)$")]
    private static partial Regex TableShape();

    [GeneratedRegex(@"^(?:overview|tables|explanation|glossary|attachments|toc|perf)(?:\.[a-z_]+)*$")]
    private static partial Regex SectionShape();

    [GeneratedRegex(@"^(?:[a-z0-9_]+|<\*>)(?:\.(?:[a-z0-9_]+|<\*>))+\.?$")]
    private static partial Regex RuleShape();

    /// <summary>What the whole pipeline emits on the repository's corpus: labelled PDFs, seeds, web page, extra.</summary>
    private static List<CodeId> EmittedOnTheCorpus()
    {
        var files = new[] { "dev", "extra", "seeds", "web" }
            .SelectMany(d => Directory.EnumerateFiles(Corpus.Path(d)))
            .Where(f => Path.GetExtension(f) is ".pdf" or ".txt" or ".html")
            .Order(StringComparer.Ordinal).ToList();
        var extractor = new ReportExtractor();
        var ids = new System.Collections.Concurrent.ConcurrentBag<CodeId>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var report = extractor.Extract(file);
            var where = Path.GetRelativePath(Repo, file);
            foreach (var t in report.Tables) ids.Add(new CodeId(SchemaCatalog.Tables, t.Id, where));
            foreach (var s in report.Sections) ids.Add(new CodeId(SchemaCatalog.Sections, s.Id, where));
            foreach (var f in report.Facts) ids.Add(new CodeId(SchemaCatalog.Keys, f.Key, where));
            foreach (var c in report.Checks) ids.Add(new CodeId(SchemaCatalog.Checks, c.Rule, where));
        });
        return ids.ToList();
    }
}
