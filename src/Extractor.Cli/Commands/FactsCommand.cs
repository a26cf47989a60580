using System.CommandLine;
using Extractor.Store;
using Extractor.Store.Queries;

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
        var key = new Option<string?>("--key") { Description = "fact key (extractor schema keys), e.g. three_public.total; a trailing * matches a prefix (three_public.*); a Chinese name works too (三公)", HelpName = "K" };
        var year = StoreCli.YearOption();
        var agency = StoreCli.AgencyOption();
        var format = StoreCli.FormatOption();
        var cmd = new Command("facts", "Print stored facts with their provenance (document, page, bbox, table, extractor version), one per line/row.")
            { db, key, year, agency, format };
        cmd.SetAction(r => StoreCli.Read(r.GetValue(db)!, (store, w) =>
            {
                var csv = r.GetValue(format) == "csv";
                var k = r.GetValue(key) is { } given ? KeyArgument.Resolve(given, store) : null;
                if (csv) Output.WriteCsvRow(w, Header);
                var printed = 0;
                foreach (var f in store.Facts(new FactFilter(k, r.GetValue(year), r.GetValue(agency))))
                {
                    printed++;
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
                // Nothing printed: say why on stderr (stdout stays a clean, empty JSON/CSV stream).
                if (printed == 0)
                    Console.Error.WriteLine(k is not null && !k.EndsWith('*')
                        ? Serve.Compare.CompareOutput.WhyEmpty(new CompareQuery(k, r.GetValue(year), r.GetValue(agency)), store.Holdings(k))
                        : $"no stored fact matches{(k is null ? "" : $" --key {k}")}{(r.GetValue(year) is { } y ? $" --year {y}" : "")}{(r.GetValue(agency) is { } a ? $" --agency {a}" : "")}; 'extractor schema keys --db FILE' lists what is stored.");
                return 0;
            }));
        return cmd;
    }
}
