using System.Globalization;
using System.Text;
using Extractor.Sections.Mapping;

namespace Extractor.Sections.Learning;

/// <summary>One labelled heading: a row of corpus/labels/headings.tsv.</summary>
public sealed record LabelledHeading(
    string Doc,
    string Kind,
    int Page,
    int Level,
    double Position,
    string Heading,
    string Parent,
    string Id)
{
    /// <summary>A stable key for the held-out split: the same row always lands on the same side.</summary>
    public string Key => $"{Doc}|{Page}|{Heading}";
}

/// <summary>
/// Reads and writes the labels file. TSV because maintainers review it in a spreadsheet or an editor;
/// the header names the columns so extra review columns (predicted, confidence) can sit alongside.
/// </summary>
public static class HeadingLabels
{
    public static readonly string[] Columns = ["doc", "kind", "page", "level", "position", "heading", "parent", "id"];

    public static IReadOnlyList<LabelledHeading> Read(string path)
    {
        var rows = new List<LabelledHeading>();
        string[]? header = null;
        var n = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            if (raw.Length == 0 || raw.StartsWith('#')) continue;
            var f = raw.Split('\t');
            if (header is null) { header = f; continue; }
            string Get(string col)
            {
                var i = Array.IndexOf(header, col);
                return i >= 0 && i < f.Length ? f[i].Trim() : "";
            }
            var id = Get("id");
            if (id.Length == 0) continue; // not yet reviewed
            if (Get("heading").Length == 0) throw new InvalidDataException($"{path}:{n}: empty heading");
            rows.Add(new LabelledHeading(Get("doc"), Get("kind"),
                int.TryParse(Get("page"), out var p) ? p : 0,
                int.TryParse(Get("level"), out var l) ? l : 1,
                double.TryParse(Get("position"), NumberStyles.Float, CultureInfo.InvariantCulture, out var pos) ? pos : 0,
                Get("heading"), Get("parent"), id));
        }
        return rows;
    }

    public static void Write(TextWriter w, IEnumerable<LabelledHeading> rows, IReadOnlyList<(string Predicted, double Confidence, string Evidence)>? predictions = null)
    {
        w.Write(string.Join('\t', Columns));
        if (predictions is not null) w.Write("\tpredicted\tconfidence\tevidence");
        w.WriteLine();
        var i = 0;
        foreach (var r in rows)
        {
            w.Write(string.Join('\t', r.Doc, r.Kind, r.Page.ToString(CultureInfo.InvariantCulture), r.Level.ToString(CultureInfo.InvariantCulture),
                r.Position.ToString("0.####", CultureInfo.InvariantCulture), Clean(r.Heading), Clean(r.Parent), r.Id));
            if (predictions is not null)
                w.Write($"\t{predictions[i].Predicted}\t{predictions[i].Confidence.ToString("0.00", CultureInfo.InvariantCulture)}\t{predictions[i].Evidence}");
            w.WriteLine();
            i++;
        }
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>
    /// The examples the classifier reads, with the rule layer's answer for each: rows of one document are
    /// taken in order, so a heading's parent row (already seen) supplies the parent's rule id, exactly as
    /// the recogniser does at run time.
    /// </summary>
    public static IReadOnlyList<HeadingExample> ToExamples(IReadOnlyList<LabelledHeading> rows, ISectionRuleMapper rules)
    {
        var result = new List<HeadingExample>(rows.Count);
        var ruleIdByHeading = new Dictionary<string, string?>();
        string? doc = null;
        foreach (var r in rows)
        {
            if (r.Doc != doc) { ruleIdByHeading.Clear(); doc = r.Doc; }
            var parentRule = r.Parent.Length > 0 ? ruleIdByHeading.GetValueOrDefault(r.Parent) : null;
            var ex = new HeadingExample(r.Heading, r.Parent, r.Level, r.Position, r.Kind, parentRule) { Label = r.Id };
            ruleIdByHeading[r.Heading] = rules.Map(ex, parentRule)?.Id;
            result.Add(ex);
        }
        return result;
    }
}
