using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Sections.Candidates;
using Extractor.Sections.Learning;
using Extractor.Sections.Mapping;
using Extractor.Sections.Tree;

namespace Extractor.Sections;

/// <summary>One recognised heading with every intermediate answer, for review (label export) and tests.</summary>
public sealed record RecognisedHeading(HeadingNode Node, HeadingExample Example, SectionGuess? Rule, SectionGuess? Model, SectionGuess? Final);

/// <summary>
/// The section stage: heading candidates → heading tree → ids (rules, then the model where rules are
/// unsure) → sections with their text and page range. Each step is a replaceable interface.
/// </summary>
public sealed class SectionRecognizer : ISectionRecognizer
{
    public const string DefaultModelPath = "models/section-classifier.zip";

    private readonly IHeadingCandidateFinder _finder;
    private readonly IHeadingTreeBuilder _tree;
    private readonly ISectionRuleMapper _rules;
    private readonly ISectionClassifier? _classifier;
    private readonly IGuessCombiner _combiner;

    public SectionRecognizer(ISectionClassifier? classifier = null, IHeadingCandidateFinder? finder = null,
        IHeadingTreeBuilder? tree = null, ISectionRuleMapper? rules = null, IGuessCombiner? combiner = null)
    {
        _classifier = classifier;
        _finder = finder ?? new HeadingCandidateFinder();
        _tree = tree ?? new StyleStackTreeBuilder();
        _rules = rules ?? new RuleSectionMapper();
        _combiner = combiner ?? new RulesFirstCombiner();
    }

    public bool HasModel => _classifier is not null;

    /// <summary>
    /// With the model at <paramref name="modelPath"/> (or models/section-classifier.zip found from the working
    /// directory or the program's folder upwards) if it loads; rules alone otherwise.
    /// </summary>
    public static SectionRecognizer WithModel(string? modelPath = null)
    {
        var path = modelPath ?? FindDefaultModel();
        if (path is null || !File.Exists(path))
        {
            if (modelPath is not null) throw new FileNotFoundException($"section model not found: {modelPath}");
            return new SectionRecognizer();
        }
        return new SectionRecognizer(MlSectionClassifier.Load(path));
    }

    public static string? FindDefaultModel()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultModelPath);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public IReadOnlyList<Section> Recognize(DocumentContent document, ReportDocument profile) =>
        ToSections(DocLine.Flatten(document), Analyse(document, profile.Kind));

    /// <summary>Every heading found, with the rule, model and final answers (tables' inner headings included).</summary>
    public IReadOnlyList<RecognisedHeading> Analyse(DocumentContent document, string kind)
    {
        var lines = DocLine.Flatten(document);
        var nodes = _tree.Build(_finder.Find(document, lines), lines);
        var result = new List<RecognisedHeading>(nodes.Count);
        foreach (var node in nodes)
        {
            var parent = node.Parent is { } p ? result[p] : null;
            var example = new HeadingExample(node.Heading, parent?.Node.Heading ?? "", node.Level, node.Position, kind, parent?.Rule?.Id);
            // A parent the rules could not name (an OCR-garbled 第三部分 title) still has the id the model gave it: read the
            // child against that, not as a top-level heading.
            var parentId = parent?.Rule?.Id ?? parent?.Final?.Id;
            var rule = _rules.Map(example, parentId);
            // Under the tables part, a heading the 目录 lists that is no table's title is a part of its own (其他相关情况说明
            // after the last table, set no larger than the tables' titles or read so from a coarse scan): the 目录 lists a
            // report's parts and its tables, never a row label.
            if (parentId == "tables" && rule?.Id == "tables" && ListedInToc(node.Candidate))
            {
                var unparented = example with { ParentHeading = "", ParentRuleId = null };
                if (_rules.Map(unparented, null) is { Id: not "tables" } own) (rule, example) = (own, unparented);
            }
            var model = _classifier?.Predict(example, rule?.Id);
            result.Add(new RecognisedHeading(node, example, rule, model, _combiner.Combine(rule, model)));
        }
        return result;
    }

    /// <summary>
    /// Headings that are not inside the tables part (there they are table titles and row labels). The part ends at a
    /// heading of its level or above, or at one the 目录 lists that names a part other than the tables: a report's
    /// 目录 lists its parts and its tables' titles, never a row label, and the heading after the last table (其他相关情况
    /// 说明) may be set no larger than the tables' titles, or read so from a coarse scan.
    /// </summary>
    public static IReadOnlyList<RecognisedHeading> OutsideTables(IReadOnlyList<RecognisedHeading> headings)
    {
        var kept = new List<RecognisedHeading>();
        var tablesLevel = int.MaxValue;
        foreach (var h in headings)
        {
            if (h.Node.Level <= tablesLevel || EndsTablesPart(h)) tablesLevel = int.MaxValue;
            if (h.Node.Level > tablesLevel) continue;
            if (h.Final?.Id == "tables") tablesLevel = h.Node.Level;
            kept.Add(h);
        }
        return kept;
    }

    private static bool EndsTablesPart(RecognisedHeading h) => h.Final?.Id is { } id && id != "tables" && ListedInToc(h.Node.Candidate);

    private static bool ListedInToc(HeadingCandidate candidate) => candidate.Evidence.Split('+').Contains("toc");

    /// <summary>
    /// Sections from the recognised headings. Headings inside the tables part are table titles and row
    /// labels, not sections; headings without an id do not cut the text of the section before them.
    /// </summary>
    public static IReadOnlyList<Section> ToSections(IReadOnlyList<DocLine> lines, IReadOnlyList<RecognisedHeading> headings)
    {
        var kept = OutsideTables(headings).Where(h => h.Final is not null).ToList();
        var sections = new List<Section>(kept.Count);
        for (var k = 0; k < kept.Count; k++)
        {
            var c = kept[k].Node.Candidate;
            var end = k + 1 < kept.Count ? kept[k + 1].Node.Candidate.FirstLine : lines.Count;
            var body = new List<string>();
            var pageEnd = c.Page;
            if (c.RunIn && c.RunInBody.Length > 0) body.Add(c.RunInBody);
            for (var i = c.LastLine + 1; i < end; i++)
            {
                if (lines[i].Compact.Length == 0) continue;
                body.Add(lines[i].Text);
                pageEnd = lines[i].Page;
            }
            sections.Add(new Section
            {
                Id = kept[k].Final!.Id,
                Heading = c.Text,
                Level = kept[k].Node.Level,
                Page = c.Page,
                PageEnd = pageEnd,
                Confidence = Math.Round(kept[k].Final!.Confidence * Math.Min(1, 0.5 + c.Score), 3),
                Text = string.Join('\n', body),
            });
        }
        return sections;
    }
}
