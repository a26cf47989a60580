using System.CommandLine;
using Extractor.Serve.Export;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor export --db FILE --format csv|jsonl|parquet --out DIR`: the whole store as documents, sections, tables,
/// rows, cells, facts and checks files (stable column names, provenance columns included). Prints one line per file.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var format = new Option<string>("--format") { Description = "csv (RFC 4180), jsonl (JSON lines) or parquet", Required = true }
            .AcceptOnlyFromAmong(StoreExporter.Formats);
        var outDir = new Option<string>("--out") { Description = "folder to write into (created if absent; files of the same name are replaced)", HelpName = "DIR", Required = true };
        var cmd = new Command("export", "Export the whole store (documents, sections, tables, rows, cells, facts, checks) as CSV, JSON lines or Parquet files.")
            { db, format, outDir };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(db)!;
            return StoreCli.Run(path, () =>
            {
                using var store = ExtractorStore.OpenReadOnly(path);
                var exporter = new StoreExporter(store);
                foreach (var f in exporter.Export(r.GetValue(format)!, r.GetValue(outDir)!))
                    Console.WriteLine($"{f.Table,-10} {f.Rows,8} rows  {f.Path}");
                if (exporter.RoundedValues > 0)
                    Console.Error.WriteLine($"export: {exporter.RoundedValues} values had more than {StoreExporter.MoneyScale} decimals and were rounded in Parquet (CSV/JSONL keep them exact)");
                return 0;
            });
        });
        return cmd;
    }
}
