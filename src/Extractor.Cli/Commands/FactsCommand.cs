using System.CommandLine;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>`extractor facts --db FILE [--key K] [--year Y] [--agency A] --format json|csv`: facts with their provenance.</summary>
public static class FactsCommand
{
    private static readonly string[] Header =
    [
        "sha256", "source", "agency", "fiscal_year", "kind", "scope", "key", "value", "unit", "provenance_kind", "table",
        "page", "bbox", "path", "printed", "printed_unit", "confidence", "extractor_version",
    ];

    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var key = new Option<string?>("--key") { Description = "fact key, e.g. three_public.total; a trailing * matches a prefix (three_public.*)", HelpName = "K" };
        var year = StoreCli.YearOption();
        var agency = StoreCli.AgencyOption();
        var format = StoreCli.FormatOption();
        var cmd = new Command("facts", "Print stored facts with their provenance (document, page, bbox, table, extractor version), one per line/row.")
            { db, key, year, agency, format };
        cmd.SetAction(r => StoreCli.Read(r.GetValue(db)!, (store, w) =>
            {
                var csv = r.GetValue(format) == "csv";
                if (csv) Output.WriteCsvRow(w, Header);
                foreach (var f in store.Facts(new FactFilter(r.GetValue(key), r.GetValue(year), r.GetValue(agency))))
                {
                    if (csv)
                        Output.WriteCsvRow(w, [
                            f.Sha256, f.Source, f.Agency, f.FiscalYear, f.Kind, f.Scope, f.Key, f.Value, f.Unit, f.ProvenanceKind,
                            f.Table, f.Page, f.Bbox, f.Path, f.Printed, f.PrintedUnit, f.Confidence, f.ExtractorVersion,
                        ]);
                    else
                        Output.WriteJsonLine(w, new
                        {
                            f.Sha256, f.Source, f.Agency, f.FiscalYear, f.Kind, f.Scope, f.Key, f.Value, f.Unit,
                            Provenance = new
                            {
                                Kind = f.ProvenanceKind, f.Table, f.Page, f.Bbox, f.Path, f.Printed, f.PrintedUnit, f.Confidence,
                            },
                            f.ExtractorVersion,
                        });
                }
                return 0;
            }));
        return cmd;
    }
}
