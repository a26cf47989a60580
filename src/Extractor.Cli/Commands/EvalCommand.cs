using System.CommandLine;
using Extractor.Sections.Learning;
using Extractor.Sections.Mapping;

namespace Extractor.Cli.Commands;

/// <summary>`extractor eval sections --data … [--model …] [--split test|all]`: scores a saved model (and the rules) on labelled headings.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var cmd = new Command("eval", "Evaluate a model on labelled data.");
        cmd.Subcommands.Add(Sections());
        return cmd;
    }

    private static Command Sections()
    {
        var data = new Option<string>("--data") { Description = "labelled headings (TSV)", DefaultValueFactory = _ => SectionsCli.DefaultData };
        var model = new Option<string>("--model") { Description = "model file", DefaultValueFactory = _ => SectionsCli.DefaultModel };
        var split = new Option<string>("--split") { Description = "test: the held-out split `train` reports on; all: every row", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "all");
        var cv = new Option<bool>("--cv") { Description = "also run leave-one-document-out cross-validation (trains one model per document)" };
        var cmd = new Command("sections", "Macro-F1 and confusions of the section classifier, the rules alone, and both combined.") { data, model, split, cv };
        cmd.SetAction(r => CliErrors.Run(r.GetValue(model)!, () =>
        {
            var (rows, examples) = SectionsCli.Load(r.GetValue(data)!);
            var path = r.GetValue(model)!;
            if (!File.Exists(path)) throw new ArgumentException($"model not found: {path}");
            var classifier = MlSectionClassifier.Load(path);
            var which = r.GetValue(split) == "all" ? Enumerable.Range(0, rows.Count).ToList() : SectionTraining.Split(rows).Test;
            var scores = SectionTraining.Evaluate(classifier, examples, which, new RuleSectionMapper());
            var name = r.GetValue(split) == "all" ? "all rows" : "held-out";
            Console.Write(scores.Model.Format($"{name}, model"));
            Console.Write(scores.Rules.Format($"{name}, rules alone"));
            Console.Write(scores.Combined.Format($"{name}, rules + model"));
            if (r.GetValue(cv))
            {
                var lodo = SectionTraining.LeaveOneDocumentOut(rows, examples, new RuleSectionMapper());
                Console.Write(lodo.WithRules.Model.Format("leave-one-document-out, model"));
                Console.Write(lodo.WithRules.Rules.Format("leave-one-document-out, rules alone"));
                Console.Write(lodo.WithRules.Combined.Format("leave-one-document-out, rules + model"));
                Console.Write(lodo.TextOnly.Format("leave-one-document-out, ablation: model without the rule-id features"));
            }
            return 0;
        }));
        return cmd;
    }
}
