using Extractor.Core.Report;

namespace Extractor.Recognition.Tests;

/// <summary>Facts stated only in the explanation text of seeds 000 (怀化), 001 (万源), 002 (咸安); values read by hand.</summary>
public class SeedTextFactTests
{
    [Theory]
    [InlineData("grand_total", 553.29)] // "收、支总计均为553.29。" — no unit; 553.29万元 stated elsewhere
    [InlineData("income.total", 553.29)]
    [InlineData("income.fiscal_appropriation", 553.29)]
    [InlineData("expenditure.total", 553.29)]
    [InlineData("expenditure.basic", 401.29)]
    [InlineData("expenditure.project", 152)]
    [InlineData("basic.personnel", 359.23)]
    [InlineData("basic.public", 42.07)]
    [InlineData("three_public.total", 3.72)]
    [InlineData("three_public.total.budget", 3.72)]
    [InlineData("three_public.reception", 3.72)]
    [InlineData("three_public.overseas", 0)]
    [InlineData("three_public.vehicles", 0)]
    [InlineData("operating_costs", 42.07)]
    [InlineData("procurement.total", 0)]
    [InlineData("procurement.goods", 9.6)]
    [InlineData("procurement.sme", 9.6)]
    [InlineData("assets.vehicles", 0)]
    public void Seed000(string key, double value) => Assert.Equal((decimal)value, Seed000Report.Fact(key));

    private static readonly SeedReport Seed000Report = SeedReport.Of("000_b6464b9a7bea3343.txt");
    private static readonly SeedReport Seed001Report = SeedReport.Of("001_cfc26b93a4164a2f.txt");
    private static readonly SeedReport Seed002Report = SeedReport.Of("002_8c8dc4d06f328e88.txt");

    [Fact]
    public void Seed000UnitlessTotalIsReportedAndProcurementDisagreementFails()
    {
        Assert.Contains(Seed000Report.Warnings, w => w.Contains("grand_total") && w.Contains("without unit"));
        var check = Seed000Report.Checks.Single(c => c.Rule == "procurement.total_equals_parts");
        Assert.Equal((CheckStatus.Fail, 9.6m, 0m), (check.Status, check.Expected!.Value, check.Actual!.Value));
    }

    [Theory]
    [InlineData("grand_total", 3688.59)]
    [InlineData("income.total", 3688.59)]
    [InlineData("income.general_budget", 3688.59)]
    [InlineData("expenditure.total", 3688.59)]
    [InlineData("expenditure.basic", 741.91)] // not the "财政拨款基本支出3688.59" of section 六
    [InlineData("expenditure.project", 2946.68)]
    [InlineData("basic.personnel", 712.88)]
    [InlineData("basic.public", 29.03)]
    [InlineData("three_public.total", 1.4)]
    [InlineData("three_public.reception", 1.4)]
    [InlineData("three_public.overseas", 0)]
    [InlineData("three_public.vehicle_purchase", 0)]
    [InlineData("operating_costs", 29.03)]
    [InlineData("procurement.total", 3.74)]
    [InlineData("procurement.goods", 3.74)]
    [InlineData("procurement.sme", 1.97)]
    [InlineData("assets.vehicles", 0)]
    public void Seed001(string key, double value) => Assert.Equal((decimal)value, Seed001Report.Fact(key));

    [Theory]
    [InlineData("income.total", 932.09)]
    [InlineData("income.fiscal_appropriation", 917.09)]
    [InlineData("expenditure.total", 960.76)]
    [InlineData("expenditure.basic", 865.18)] // 2019's 405.36 in the same paragraph is not this year's
    [InlineData("expenditure.project", 95.59)]
    [InlineData("basic.personnel", 722.64)]
    [InlineData("basic.public", 143.54)]
    [InlineData("three_public.total", 3.55)]
    [InlineData("three_public.total.budget", 9)]
    [InlineData("three_public.vehicles", 1.44)]
    [InlineData("three_public.vehicle_purchase", 0)]
    [InlineData("three_public.vehicle_operation", 1.44)]
    [InlineData("three_public.vehicle_operation.budget", 6)]
    [InlineData("three_public.reception", 2.11)]
    [InlineData("operating_costs", 142.54)]
    [InlineData("procurement.total", 30.66)]
    [InlineData("procurement.services", 30.66)]
    [InlineData("assets.vehicles", 1)] // "截至20201231日,我单位共有车辆1台"
    public void Seed002(string key, double value) => Assert.Equal((decimal)value, Seed002Report.Fact(key));

    [Fact]
    public void Seed002TyposAreReportedAndItsBasicBreakdownFails()
    {
        Assert.Contains(Seed002Report.Warnings, w => w.Contains("368.41发元"));
        Assert.Contains(Seed002Report.Warnings, w => w.Contains("20201231日"));
        Assert.DoesNotContain(Seed002Report.Facts, f => f.Value == 368.41m);
        var check = Seed002Report.Checks.Single(c => c.Rule == "text.basic_equals_personnel_plus_public");
        Assert.Equal((CheckStatus.Fail, 866.18m, 865.18m), (check.Status, check.Expected!.Value, check.Actual!.Value));
    }

    [Fact]
    public void NoPriorYearFigureIsReadAsThisYears()
    {
        Assert.DoesNotContain(Seed002Report.Facts, f => f.Value is 455.27m or 405.36m or 563.68m or 241.99m);
    }
}
