using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Extractor.Sections.Learning;
using Extractor.Sections.Mapping;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor train sections --data corpus/labels/headings.tsv --out models/section-classifier.zip [--force]`:
/// trains the section classifier with a fixed seed on the training split, prints macro-F1 and the
/// confusions on the held-out split, and keeps an existing model that scores better unless forced.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var cmd = new Command("train", "Train a model from labelled data.");
        cmd.Subcommands.Add(Sections());
        return cmd;
    }

    private static Command Sections()
    {
        var data = new Option<string>("--data") { Description = "labelled headings (TSV)", DefaultValueFactory = _ => SectionsCli.DefaultData };
        var output = new Option<string>("--out") { Description = "model file to write", DefaultValueFactory = _ => SectionsCli.DefaultModel };
        var force = new Option<bool>("--force") { Description = "replace the existing model even if it scores better on the held-out split" };
        var cmd = new Command("sections", "Train the section-heading classifier (ML.NET) and report held-out macro-F1.") { data, output, force };
        cmd.SetAction(r => CliErrors.Run(r.GetValue(data)!, () =>
        {
            var dataPath = r.GetValue(data)!;
            var outPath = r.GetValue(output)!;
            var (rows, examples) = SectionsCli.Load(dataPath);
            var rules = new RuleSectionMapper();
            var (train, test) = SectionTraining.Split(rows);
            Console.WriteLine($"{rows.Count} labelled headings, {rows.Select(x => x.Id).Distinct().Count()} ids; training on {train.Count}, holding out {test.Count} (seed {MlSectionClassifier.Seed})");
            var model = SectionTraining.Train(examples, train, rules);
            var scores = SectionTraining.Evaluate(model, examples, test, rules);
            Console.Write(scores.Model.Format("held-out, model"));
            Console.Write(scores.Rules.Format("held-out, rules alone"));
            Console.Write(scores.Combined.Format("held-out, rules + model (as the recogniser runs)"));
            var textOnly = SectionTraining.Evaluate(SectionTraining.Train(examples, train, rules, useRules: false), examples, test, rules).Model;
            Console.Write(textOnly.Format("held-out, ablation: model without the rule-id features"));

            if (File.Exists(outPath))
            {
                var existing = MlSectionClassifier.Load(outPath);
                var old = SectionTraining.Evaluate(existing, examples, test, rules).Model;
                Console.WriteLine($"existing {outPath}: held-out macro-F1 {old.MacroF1:0.000}");
                if (old.MacroF1 > scores.Model.MacroF1 + 1e-9 && !r.GetValue(force))
                {
                    Console.Error.WriteLine($"{outPath}: kept: the existing model scores better ({old.MacroF1:0.000} > {scores.Model.MacroF1:0.000}); use --force to replace it");
                    return CliErrors.Failure;
                }
            }
            model.Save(outPath);
            var card = new
            {
                data = dataPath.Replace('\\', '/'),
                rows = rows.Count,
                train = train.Count,
                held_out = test.Count,
                seed = MlSectionClassifier.Seed,
                held_out_macro_f1 = Math.Round(scores.Model.MacroF1, 4),
                held_out_accuracy = Math.Round(scores.Model.Accuracy, 4),
                held_out_macro_f1_rules = Math.Round(scores.Rules.MacroF1, 4),
                held_out_macro_f1_combined = Math.Round(scores.Combined.MacroF1, 4),
                held_out_macro_f1_text_only = Math.Round(textOnly.MacroF1, 4),
                trained_on = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            File.WriteAllText(Path.ChangeExtension(outPath, ".json"),
                JsonSerializer.Serialize(card, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Console.WriteLine($"wrote {outPath} (held-out macro-F1 {scores.Model.MacroF1:0.000})");
            return 0;
        }));
        return cmd;
    }
}
