using System.CommandLine;
using System.Data;
using System.Text;
using Extractor.Core.Report;
using Extractor.Sections;
using Extractor.Sections.Learning;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor label export (--db FILE | --from PATH...) [--out headings.tsv]`: headings with their predicted
/// id and confidence in the labels format, for a maintainer to review (fix the id column) and append to
/// corpus/labels/headings.tsv.
/// </summary>
public static class LabelCommand
{
    public static Command Create()
    {
        var cmd = new Command("label", "Export data for labelling.");
        cmd.Subcommands.Add(Export());
        return cmd;
    }

    private static Command Export()
    {
        var db = new Option<string?>("--db") { Description = "a store written by `extractor ingest` (reads its sections table)" };
        var from = new Option<string[]>("--from") { Description = "PDF or .txt files to run the section recogniser on instead", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "TSV file to write (default: standard output)" };
        var model = new Option<string?>("--model") { Description = "section model for --from (default: models/section-classifier.zip if present)" };
        var kind = new Option<string?>("--kind") { Description = "document kind for --from: final_account, budget or performance_evaluation (default: the kind the extractor reads from the document)" };
        var cmd = new Command("export", "Headings with predicted section id and confidence, in the labels TSV format.") { db, from, output, model, kind };
        cmd.SetAction(r => CliErrors.Run(r.GetValue(db) ?? "label export", () =>
        {
            var rows = new List<LabelledHeading>();
            var predictions = new List<(string, double, string)>();
            if (r.GetValue(db) is { } dbPath) FromStore(dbPath, rows, predictions);
            var files = r.GetValue(from) ?? [];
            if (files.Length > 0)
            {
                var recognizer = SectionRecognizer.WithModel(r.GetValue(model));
                foreach (var file in files) FromFile(recognizer, file, r.GetValue(kind), rows, predictions);
            }
            if (r.GetValue(db) is null && files.Length == 0) throw new ArgumentException("give --db FILE or --from PATH...");
            var outPath = r.GetValue(output);
            using var w = outPath is null ? Console.Out : new StreamWriter(outPath, false, new UTF8Encoding(false));
            HeadingLabels.Write(w, rows, predictions);
            if (outPath is not null) Console.Error.WriteLine($"wrote {rows.Count} headings to {outPath}");
            return 0;
        }));
        return cmd;
    }

    private static void FromFile(SectionRecognizer recognizer, string file, string? kind, List<LabelledHeading> rows, List<(string, double, string)> predictions)
    {
        var doc = SectionsCli.Read(file);
        var k = kind ?? SectionsCli.Kind(doc);
        var name = Path.GetFileNameWithoutExtension(file);
        foreach (var h in SectionRecognizer.OutsideTables(recognizer.Analyse(doc, k)))
        {
            rows.Add(new LabelledHeading(name, k, h.Node.Page, h.Node.Level, h.Node.Position, h.Node.Heading, h.Example.ParentHeading, h.Final?.Id ?? ""));
            predictions.Add((h.Final?.Id ?? "", h.Final?.Confidence ?? 0, $"{h.Node.Candidate.Evidence}; {h.Final?.Source}"));
        }
    }

    /// <summary>Sections as ingested: parents are rebuilt from order and level; position is the middle of the page.</summary>
    private static void FromStore(string path, List<LabelledHeading> rows, List<(string, double, string)> predictions)
    {
        if (!File.Exists(path)) throw new ArgumentException($"store not found: {path}");
        using var store = ExtractorStore.OpenReadOnly(path);
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT d.source, coalesce(d.kind, 'unknown'), coalesce(d.pages, 0), s.page, s.level, s.heading, s.id, s.confidence, s.document
            FROM sections s JOIN documents d ON d.sha256 = s.document
            ORDER BY s.document, s.ord
            """;
        using var reader = cmd.ExecuteReader();
        string? current = null;
        var open = new List<(int Level, string Heading)>();
        while (reader.Read())
        {
            var sha = reader.GetString(8);
            if (sha != current) { open.Clear(); current = sha; }
            var source = reader.GetString(0);
            var pages = Convert.ToInt32(reader.GetValue(2));
            var page = reader.IsDBNull(3) ? 0 : Convert.ToInt32(reader.GetValue(3));
            var level = reader.IsDBNull(4) ? 1 : Convert.ToInt32(reader.GetValue(4));
            var heading = reader.GetString(5);
            while (open.Count > 0 && open[^1].Level >= level) open.RemoveAt(open.Count - 1);
            var parent = open.Count > 0 ? open[^1].Heading : "";
            open.Add((level, heading));
            var id = reader.GetString(6);
            rows.Add(new LabelledHeading(Path.GetFileNameWithoutExtension(source), reader.GetString(1), page, level,
                pages > 0 ? Math.Round((page - 0.5) / pages, 4) : 0, heading, parent, id));
            predictions.Add((id, reader.IsDBNull(7) ? 0 : reader.GetDouble(7), "store"));
        }
    }
}
