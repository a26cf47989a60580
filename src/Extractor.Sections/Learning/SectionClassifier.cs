using System.Text.RegularExpressions;
using Extractor.Core.Text;
using Extractor.Sections.Candidates;
using Extractor.Sections.Mapping;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Extractor.Sections.Learning;

/// <summary>Predicts a heading's SCHEMA §3 id from its text and context; the rule layer's answer is an input.</summary>
public interface ISectionClassifier
{
    /// <returns>the most probable id and its probability; null when the model has nothing to say</returns>
    SectionGuess? Predict(HeadingExample example, string? ruleId);
}

/// <summary>The row ML.NET trains and predicts on. Text columns are featurised into character n-grams.</summary>
public sealed class SectionModelInput
{
    public string Label { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Parent { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string ParentRuleId { get; set; } = "";
    public string Style { get; set; } = "";
    public float Level { get; set; }
    public float Position { get; set; }
    public string Kind { get; set; } = "";
}

public sealed class SectionModelOutput
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}

/// <summary>
/// Turns a heading into model input. Years and the agency name vary from report to report and say nothing
/// about the section, so digits are folded and only the title (no numbering) is kept; the numbering style
/// is its own feature because it carries the level convention.
/// </summary>
public static partial class SectionFeatures
{
    [GeneratedRegex(@"\d+")] private static partial Regex DigitsRx();

    public static string Title(string heading)
    {
        var n = Numbering.Parse(heading);
        var t = TextNormalizer.Compact(n.Style == NumberingStyle.None ? heading : n.Title);
        return DigitsRx().Replace(t, "0");
    }

    /// <param name="useRules">false blanks the rule ids: the text-only ablation that shows what the model learns by itself</param>
    public static SectionModelInput Input(HeadingExample ex, string? ruleId, bool useRules = true) => new()
    {
        Label = ex.Label ?? "",
        Heading = Title(ex.Heading),
        Parent = ex.ParentHeading.Length == 0 ? "" : Title(ex.ParentHeading),
        RuleId = useRules ? ruleId ?? "none" : "none",
        ParentRuleId = useRules ? ex.ParentRuleId ?? "none" : "none",
        Style = Numbering.Parse(ex.Heading).Style.ToString(),
        Level = Math.Min(ex.Level, 6),
        Position = (float)ex.Position,
        Kind = ex.Kind.Length == 0 ? "unknown" : ex.Kind,
    };
}

/// <summary>
/// ML.NET multiclass classifier: character 1–3-grams of the heading and its parent, the rule layer's id
/// and the parent's, numbering style, level and position, into a maximum-entropy model (L-BFGS, which is
/// deterministic on one thread and converges on a few hundred rows where SDCA under-fitted). Maximum
/// entropy gives probabilities that can be compared with rule confidences; n-grams of characters suit
/// Chinese, which has no spaces to split words on. The rule ids are features so the model learns where
/// the rules go wrong (doc-specific sub-ids) instead of relearning the template from scratch.
/// </summary>
public sealed class MlSectionClassifier : ISectionClassifier
{
    public const int Seed = 20240501;
    private readonly PredictionEngine<SectionModelInput, SectionModelOutput> _engine;
    private readonly string[] _classes;
    private readonly object _gate = new();

    public ITransformer Model { get; }
    public DataViewSchema InputSchema { get; }

    /// <summary>False for the text-only ablation: rule ids are blanked when predicting, as they were in training.</summary>
    public bool UsesRuleFeatures { get; }

    private MlSectionClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, bool usesRules = true)
    {
        UsesRuleFeatures = usesRules;
        Model = model;
        InputSchema = inputSchema;
        _engine = ml.Model.CreatePredictionEngine<SectionModelInput, SectionModelOutput>(model, inputSchema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        _engine.OutputSchema["Score"].GetSlotNames(ref names);
        _classes = names.DenseValues().Select(v => v.ToString()).ToArray();
    }

    public IReadOnlyList<string> Classes => _classes;

    public SectionGuess? Predict(HeadingExample example, string? ruleId)
    {
        SectionModelOutput output;
        lock (_gate) output = _engine.Predict(SectionFeatures.Input(example, ruleId, UsesRuleFeatures));
        if (output.Score.Length == 0) return null;
        var best = 0;
        for (var i = 1; i < output.Score.Length; i++) if (output.Score[i] > output.Score[best]) best = i;
        return new SectionGuess(_classes.Length > best ? _classes[best] : output.PredictedLabel, output.Score[best], "model");
    }

    public static MlSectionClassifier Train(IReadOnlyList<SectionModelInput> rows, bool usesRules = true)
    {
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var chars = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            WordFeatureExtractor = null,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("HeadingF", chars, nameof(SectionModelInput.Heading)))
            .Append(ml.Transforms.Text.FeaturizeText("ParentF", chars, nameof(SectionModelInput.Parent)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("RuleF", nameof(SectionModelInput.RuleId)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ParentRuleF", nameof(SectionModelInput.ParentRuleId)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("StyleF", nameof(SectionModelInput.Style)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("KindF", nameof(SectionModelInput.Kind)))
            .Append(ml.Transforms.Concatenate("Num", nameof(SectionModelInput.Level), nameof(SectionModelInput.Position)))
            .Append(ml.Transforms.NormalizeMinMax("Num"))
            .Append(ml.Transforms.Concatenate("Features", "HeadingF", "ParentF", "RuleF", "ParentRuleF", "StyleF", "KindF", "Num"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                L1Regularization = 0,
                // Strong enough that one labelled heading does not become a lookup table (0.001 scored 0.94
                // held-out against 1.00 at 0.1), weak enough that the rare sub-ids are still learnt.
                L2Regularization = 0.1f,
                NumberOfThreads = 1, // deterministic
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));
        var model = pipeline.Fit(data);
        return new MlSectionClassifier(ml, model, data.Schema, usesRules);
    }

    public void Save(string path)
    {
        if (!UsesRuleFeatures) throw new InvalidOperationException("the text-only ablation is for evaluation, not for saving");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        new MLContext(seed: Seed).Model.Save(Model, InputSchema, path);
    }

    public static MlSectionClassifier Load(string path)
    {
        var ml = new MLContext(seed: Seed);
        var model = ml.Model.Load(path, out var schema);
        return new MlSectionClassifier(ml, model, schema);
    }
}
