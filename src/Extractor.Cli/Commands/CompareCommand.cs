using System.CommandLine;
using Extractor.Serve.Compare;
using Extractor.Store;
using Extractor.Store.Queries;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor compare --db FILE --key K [--year Y] [--agency A] --format table|csv`: one row per document holding fact
/// K (agency, fiscal year, value, unit) with the change on the prior year where known: the same agency's stored
/// document of year − 1 and the same kind, else the figure the document itself quotes for the prior year (K.prior_year).
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var key = new Option<string>("--key") { Description = "fact key, e.g. three_public.total (SCHEMA §4)", HelpName = "K", Required = true };
        var year = new Option<int?>("--year") { Description = "fiscal year", HelpName = "Y" };
        var agency = new Option<string?>("--agency") { Description = "agency name or part of it", HelpName = "A" };
        var format = new Option<string>("--format") { Description = "table (aligned text for a terminal) or csv (RFC 4180)", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "csv");
        var cmd = new Command("compare", "Compare one fact across agencies and years: one row per document holding it, with the change on the prior year where known.")
            { db, key, year, agency, format };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(db)!;
            return StoreCli.Run(path, () =>
            {
                using var store = ExtractorStore.Open(path, create: false);
                using var w = Output.Stdout();
                var k = r.GetValue(key)!;
                var rows = store.Compare(k, r.GetValue(year), r.GetValue(agency));
                if (r.GetValue(format) == "csv") CompareOutput.WriteCsv(w, rows);
                else CompareOutput.WriteTable(w, k, rows);
                return 0;
            });
        });
        return cmd;
    }
}
