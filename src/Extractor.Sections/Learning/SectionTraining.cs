using System.Globalization;
using System.Text;
using Extractor.Sections.Mapping;

namespace Extractor.Sections.Learning;

/// <summary>Per-class and overall scores of a set of predictions against labels.</summary>
public sealed record ClassificationMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<(string Id, int Support, double Precision, double Recall, double F1)> PerClass,
    IReadOnlyList<(string Gold, string Predicted, int Count)> Confusions)
{
    public static ClassificationMetrics Of(IReadOnlyList<(string Gold, string Predicted)> pairs)
    {
        var classes = pairs.SelectMany(p => new[] { p.Gold, p.Predicted }).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
        var per = new List<(string, int, double, double, double)>();
        foreach (var c in classes)
        {
            var tp = pairs.Count(p => p.Gold == c && p.Predicted == c);
            var support = pairs.Count(p => p.Gold == c);
            var predicted = pairs.Count(p => p.Predicted == c);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.Add((c, support, precision, recall, f1));
        }
        var confusions = pairs.Where(p => p.Gold != p.Predicted)
            .GroupBy(p => (p.Gold, p.Predicted)).Select(g => (g.Key.Gold, g.Key.Predicted, g.Count()))
            .OrderByDescending(t => t.Item3).ThenBy(t => t.Gold, StringComparer.Ordinal).ToList();
        return new ClassificationMetrics(pairs.Count,
            pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.Gold == p.Predicted) / pairs.Count,
            per.Count == 0 ? 0 : per.Average(p => p.Item5), per, confusions);
    }

    /// <summary>Macro-F1 and accuracy on one line, then the confusions (gold → predicted) as a table.</summary>
    public string Format(string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{title}: macro-F1 {MacroF1:0.000}  accuracy {Accuracy:0.000}  ({Count} headings, {PerClass.Count} classes)");
        if (Confusions.Count == 0) { sb.AppendLine("  no confusions"); return sb.ToString(); }
        sb.AppendLine("  confusions (gold → predicted: count):");
        foreach (var (g, p, n) in Confusions) sb.AppendLine(CultureInfo.InvariantCulture, $"    {g,-48} → {p,-48} {n}");
        var weak = PerClass.Where(c => c.F1 < 1).OrderBy(c => c.F1).ToList();
        if (weak.Count > 0)
        {
            sb.AppendLine("  classes below F1 1.0 (support, P, R, F1):");
            foreach (var c in weak)
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {c.Id,-48} {c.Support,3}  {c.Precision:0.00} {c.Recall:0.00} {c.F1:0.00}");
        }
        return sb.ToString();
    }
}

/// <summary>
/// The maintainers' loop in code: a fixed held-out split, training, and scoring of rules, model and both.
/// </summary>
public static class SectionTraining
{
    /// <summary>
    /// Held-out split, the same on every run: within each class rows are ordered by a hash of
    /// doc|page|heading and every fifth (ranks 2, 7, 12 …) is held out. Classes with fewer than three rows
    /// stay in training only — a class the model has never seen cannot be scored fairly, and a held-out
    /// split per class keeps rare ids represented in the score.
    /// </summary>
    public static (List<int> Train, List<int> Test) Split(IReadOnlyList<LabelledHeading> rows)
    {
        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Id))
        {
            var ordered = group.OrderBy(i => StableHash(rows[i].Key)).ThenBy(i => i).ToList();
            for (var r = 0; r < ordered.Count; r++)
                (ordered.Count >= 3 && r % 5 == 2 ? test : train).Add(ordered[r]);
        }
        train.Sort();
        test.Sort();
        return (train, test);
    }

    /// <summary>FNV-1a over UTF-16: string.GetHashCode is randomised per process.</summary>
    public static ulong StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) { h ^= ch; h *= 1099511628211UL; }
        return h;
    }

    public static MlSectionClassifier Train(IReadOnlyList<HeadingExample> examples, IEnumerable<int> rows, ISectionRuleMapper rules, bool useRules = true) =>
        MlSectionClassifier.Train(rows.Select(i => SectionFeatures.Input(examples[i], rules.Map(examples[i], examples[i].ParentRuleId)?.Id, useRules)).ToList(), useRules);

    public sealed record CrossValidation(Scores WithRules, ClassificationMetrics TextOnly);

    /// <summary>
    /// Leave-one-document-out: each document is scored by models trained on all the others. Harder than the
    /// row split (a report's own wording is never seen in training), so it shows how a new province fares.
    /// </summary>
    public static CrossValidation LeaveOneDocumentOut(IReadOnlyList<LabelledHeading> rows, IReadOnlyList<HeadingExample> examples, ISectionRuleMapper rules)
    {
        var combiner = new RulesFirstCombiner();
        var m = new List<(string, string)>();
        var r = new List<(string, string)>();
        var c = new List<(string, string)>();
        var t = new List<(string, string)>();
        foreach (var doc in rows.Select(x => x.Doc).Distinct())
        {
            var train = Enumerable.Range(0, rows.Count).Where(i => rows[i].Doc != doc).ToList();
            var test = Enumerable.Range(0, rows.Count).Where(i => rows[i].Doc == doc).ToList();
            var model = Train(examples, train, rules);
            var textOnly = Train(examples, train, rules, useRules: false);
            foreach (var i in test)
            {
                var ex = examples[i];
                var rule = rules.Map(ex, ex.ParentRuleId);
                var pred = model.Predict(ex, rule?.Id);
                m.Add((ex.Label!, pred?.Id ?? "none"));
                r.Add((ex.Label!, rule?.Id ?? "none"));
                c.Add((ex.Label!, combiner.Combine(rule, pred)?.Id ?? "none"));
                t.Add((ex.Label!, textOnly.Predict(ex, rule?.Id)?.Id ?? "none"));
            }
        }
        return new CrossValidation(new Scores(ClassificationMetrics.Of(m), ClassificationMetrics.Of(r), ClassificationMetrics.Of(c)), ClassificationMetrics.Of(t));
    }

    public sealed record Scores(ClassificationMetrics Model, ClassificationMetrics Rules, ClassificationMetrics Combined);

    /// <summary>Scores the model alone, the rules alone and the combination the recogniser uses, on the given rows.</summary>
    public static Scores Evaluate(ISectionClassifier model, IReadOnlyList<HeadingExample> examples, IEnumerable<int> rows,
        ISectionRuleMapper rules, IGuessCombiner? combiner = null)
    {
        combiner ??= new RulesFirstCombiner();
        var m = new List<(string, string)>();
        var r = new List<(string, string)>();
        var c = new List<(string, string)>();
        foreach (var i in rows)
        {
            var ex = examples[i];
            var rule = rules.Map(ex, ex.ParentRuleId);
            var pred = model.Predict(ex, rule?.Id);
            m.Add((ex.Label!, pred?.Id ?? "none"));
            r.Add((ex.Label!, rule?.Id ?? "none"));
            c.Add((ex.Label!, combiner.Combine(rule, pred)?.Id ?? "none"));
        }
        return new Scores(ClassificationMetrics.Of(m), ClassificationMetrics.Of(r), ClassificationMetrics.Of(c));
    }
}
