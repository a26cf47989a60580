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
        var year = StoreCli.YearOption();
        var agency = StoreCli.AgencyOption();
        var format = new Option<string>("--format") { Description = "table (aligned text for a terminal) or csv (RFC 4180)", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "csv");
        var cmd = new Command("compare", "Compare one fact across agencies and years: one row per document holding it, with the change on the prior year where known.")
            { db, key, year, agency, format };
        cmd.SetAction(r => StoreCli.Read(r.GetValue(db)!, (store, w) =>
            {
                var k = r.GetValue(key)!;
                var rows = store.Compare(k, r.GetValue(year), r.GetValue(agency));
                if (r.GetValue(format) == "csv") CompareOutput.WriteCsv(w, rows);
                else CompareOutput.WriteTable(w, k, rows);
                return 0;
            }));
        return cmd;
    }
}
