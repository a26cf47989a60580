using System.CommandLine;
using Extractor.Serve.Compare;
using Extractor.Store;
using Extractor.Store.Queries;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor compare --db FILE --key K [--year Y] [--agency A] [--kind K] [--scope S] [--sort value|agency|change]
/// --format table|csv`: one row per document holding fact K (agency, fiscal year, value, unit) with the change on the
/// prior year where known: the same agency's stored document of year − 1 and the same kind (names normalised), else
/// the figure the document itself quotes for the prior year (K.prior_year). Budgets and final accounts are never
/// mixed: each kind is its own table. A query that finds nothing says what the store holds instead.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var key = new Option<string>("--key") { Description = "fact key (extractor schema keys), a prefix-free key such as three_public.total, or its Chinese name (三公)", HelpName = "K", Required = true };
        var year = StoreCli.YearOption();
        var agency = StoreCli.AgencyOption();
        var kind = new Option<string?>("--kind") { Description = "only budgets or only final accounts (each kind is listed apart either way)", HelpName = "KIND" }
            .AcceptOnlyFromAmong("budget", "final_account", "performance_evaluation", "unknown");
        var scope = new Option<string?>("--scope") { Description = "department (部门, 汇总) or unit (单位)", HelpName = "SCOPE" }
            .AcceptOnlyFromAmong("department", "unit", "unknown");
        var sort = new Option<string>("--sort") { Description = "value (largest first), agency, or change (largest rise on the prior year first)", DefaultValueFactory = _ => "value" }
            .AcceptOnlyFromAmong("value", "agency", "change");
        var format = new Option<string>("--format") { Description = "table (aligned text for a terminal) or csv (RFC 4180)", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "csv");
        var cmd = new Command("compare", "Compare one fact across agencies and years, budgets and final accounts apart: one row per document holding it, with the change on the prior year where known.")
            { db, key, year, agency, kind, scope, sort, format };
        cmd.SetAction(r => StoreCli.Read(r.GetValue(db)!, (store, w) =>
            {
                var k = KeyArgument.Resolve(r.GetValue(key)!, store);
                var query = new CompareQuery(k, r.GetValue(year), r.GetValue(agency), r.GetValue(kind), r.GetValue(scope),
                    Enum.Parse<CompareSort>(r.GetValue(sort)!, ignoreCase: true));
                var rows = store.Compare(query);
                var csv = r.GetValue(format) == "csv";
                if (csv) CompareOutput.WriteCsv(w, rows);
                else CompareOutput.WriteTable(w, k, rows);
                if (rows.Count == 0)
                {
                    var why = CompareOutput.WhyEmpty(query, store.Holdings(k));
                    if (csv) Console.Error.WriteLine(why); else w.WriteLine(why);
                }
                return 0;
            }));
        return cmd;
    }
}
