using Extractor.Serve.Compare;
using Extractor.Serve.Text;
using Extractor.Store;
using Extractor.Store.Queries;

namespace Extractor.Serve.Tests;

public sealed class CompareTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ExtractorStore _store;

    public CompareTests()
    {
        _store = ExtractorStore.Open(_dir.File("s.db"));
        Samples.Fill(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void OneRowPerDocumentWithTheChangeOnThePriorYear()
    {
        var rows = _store.Compare("three_public.total");
        Assert.Equal(6, rows.Count); // the failed document holds no fact
        var a2024 = rows.Single(r => r.Agency == "上海市普陀区司法局" && r.FiscalYear == 2024);
        Assert.Equal(1.20m, a2024.Value);
        Assert.Equal(1.50m, a2024.PriorValue);
        Assert.Equal("store", a2024.PriorSource);
        Assert.Equal(Samples.Sha(1), a2024.PriorSha256);
        Assert.Equal(-0.30m, a2024.Change);
        Assert.Equal(-20.00m, a2024.ChangePercent);
        Assert.Null(rows.Single(r => r.Agency == "上海市普陀区司法局" && r.FiscalYear == 2023).PriorValue);
    }

    [Fact]
    public void FallsBackToThePriorYearTheDocumentQuotes()
    {
        var b = _store.Compare("three_public.total", agency: "佛山").Single();
        Assert.Equal(0.20m, b.PriorValue);
        Assert.Equal("document", b.PriorSource);
        Assert.Null(b.PriorSha256);
        Assert.Equal(-0.04m, b.Change);
        Assert.Equal(-20.00m, b.ChangePercent);
    }

    [Fact]
    public void ABudgetIsNotThePriorYearOfAFinalAccount()
    {
        var d = _store.Compare("three_public.total", year: 2024, agency: "西南大学").Single();
        Assert.Null(d.PriorValue);
        Assert.Null(d.Change);
    }

    [Fact]
    public void FiltersByYearAndAgency()
    {
        Assert.Equal(4, _store.Compare("three_public.total", year: 2024).Count);
        Assert.Equal(2, _store.Compare("three_public.total", agency: "司法局").Count);
        Assert.Empty(_store.Compare("no.such.key"));
    }

    [Fact]
    public void CsvHasStableColumnsAndExactValues()
    {
        var w = new StringWriter();
        CompareOutput.WriteCsv(w, _store.Compare("three_public.total", agency: "司法局"));
        var lines = w.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CompareOutput.CsvHeader), lines[0]);
        Assert.StartsWith("agency,fiscal_year,kind,scope,key,value,unit,prior_value,change,change_percent,prior_source", lines[0]);
        Assert.StartsWith("上海市普陀区司法局,2024,final_account,department,three_public.total,1.20,万元,1.50,-0.30,-20.00,store,", lines[2]);
    }

    [Fact]
    public void TableColumnsLineUpWithChineseNames()
    {
        var w = new StringWriter();
        CompareOutput.WriteTable(w, "three_public.total", _store.Compare(new CompareQuery("three_public.total", Kind: "final_account")));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Skip(1).ToList();
        // The "year" column ends at the same display column on every line (CJK characters are two cells wide).
        var header = lines[0];
        var yearEnd = TextTable.Width(header[..(header.IndexOf("year", StringComparison.Ordinal) + 4)]);
        foreach (var line in lines.Skip(2))
        {
            var year = line.IndexOf("202", StringComparison.Ordinal);
            Assert.Equal(yearEnd, TextTable.Width(line[..(year + 4)]));
        }
        Assert.Contains(lines, l => l.Contains("+20.00%") || l.Contains("-20.00%"));
        Assert.Contains(lines, l => l.Contains("2023 document"));
        Assert.Contains(lines, l => l.Contains("quoted 上年数"));
    }

    [Fact]
    public void Budgets_and_final_accounts_are_never_one_list()
    {
        var w = new StringWriter();
        CompareOutput.WriteTable(w, "three_public.total", _store.Compare(new CompareQuery("three_public.total")));
        var titles = w.ToString().Split('\n').Where(l => l.StartsWith("three_public.total", StringComparison.Ordinal)).ToList();
        Assert.Equal(["three_public.total “三公”经费合计 — budgets (预算) (2 documents)", "three_public.total “三公”经费合计 — final accounts (决算) (4 documents)"], titles);
        var finals = _store.Compare(new CompareQuery("three_public.total", Kind: "final_account"));
        Assert.All(finals, r => Assert.Equal("final_account", r.Kind));
    }

    [Fact]
    public void Rows_sort_by_value_by_default_and_by_change_when_asked()
    {
        var byValue = _store.Compare(new CompareQuery("three_public.total", Kind: "final_account"));
        Assert.Equal([12.345678m, 1.50m, 1.20m, 0.16m], byValue.Select(r => r.Value));
        var byChange = _store.Compare(new CompareQuery("three_public.total", Kind: "final_account", Sort: CompareSort.Change));
        Assert.Equal([-20.00m, -20.00m, null, null], byChange.Select(r => r.ChangePercent));
    }

    [Fact]
    public void The_prior_year_is_found_under_the_agencys_name_as_another_document_prints_it()
    {
        // The 2025 document names the agency with its Party prefix and a scope note; 2024's without.
        _store.SaveReport(Samples.Sha(8), new DocumentOrigin("8.pdf"),
            Samples.Report(Samples.Sha(8), "中共上海市普陀区司法局（本级）", 2025, Core.Report.DocumentKinds.FinalAccount, ("three_public.total", 0.60m)));
        var row = _store.Compare(new CompareQuery("three_public.total", Year: 2025)).Single();
        Assert.Equal((1.20m, "store", Samples.Sha(2)), (row.PriorValue!.Value, row.PriorSource!, row.PriorSha256!));
        Assert.Equal(AgencyNames.Normalise("上海市普陀区司法局"), AgencyNames.Normalise("中共上海市普陀区司法局(本级)"));
    }

    [Fact]
    public void An_empty_answer_says_what_the_store_holds()
    {
        var query = new CompareQuery("three_public.total", Year: 2025);
        Assert.Empty(_store.Compare(query));
        var why = CompareOutput.WhyEmpty(query, _store.Holdings("three_public.total"));
        Assert.Equal("no stored document for fiscal year 2025 holds three_public.total (“三公”经费合计). It is held by 6 documents: " +
                     "years 2023 (2), 2024 (4); kinds final_account (4), budget (2); agencies 上海市普陀区司法局 (2), 西南大学 (2), 佛山市轨道交通局 (1), 江苏省高级人民法院 (1).", why);
        Assert.StartsWith("no stored document holds staff.count", CompareOutput.WhyEmpty(new CompareQuery("staff.count"), _store.Holdings("staff.count")));
    }

    [Theory]
    [InlineData("西南大学", 8)]
    [InlineData("abc", 3)]
    [InlineData("（本级）", 8)]
    [InlineData("“三公”", 6)]
    public void DisplayWidthCountsWideCharactersTwice(string text, int width) => Assert.Equal(width, TextTable.Width(text));

    [Theory]
    [InlineData("1234567.891", "1,234,567.891")]
    [InlineData("6.10", "6.10")]
    [InlineData("-1000", "-1,000")]
    [InlineData("0.000001", "0.000001")]
    public void MoneyKeepsTheStoredScale(string value, string shown) =>
        Assert.Equal(shown, CompareOutput.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
