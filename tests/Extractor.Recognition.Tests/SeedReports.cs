using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Readers.Text;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Tables;
using Extractor.TestSupport;

namespace Extractor.Recognition.Tests;

/// <summary>A seed text through the mapper, facts and checks, as the pipeline runs them.</summary>
public sealed record SeedReport(DocumentContent Content, List<ReportTable> Tables, List<Fact> Facts, List<Check> Checks, List<string> Warnings)
{
    public static SeedReport Of(string file, string kind = DocumentKinds.FinalAccount, int? year = null)
    {
        var content = new TextFileReader().Read(Corpus.Path("seeds", file), new ReadLimits());
        var profile = new ReportDocument { Sha256 = content.Sha256, Source = content.Source, MediaType = content.MediaType, Kind = kind, FiscalYear = year };
        var tables = new CanonicalTableMapper().Map(content, content.NativeTables, profile).ToList();
        var warnings = new List<string>();
        var facts = new FactExtractor().Extract(content, profile, tables, [], warnings).ToList();
        var checks = new CheckRunner().Run(content, profile, tables, facts, []).ToList();
        return new SeedReport(content, tables, facts, checks, warnings);
    }

    public decimal? Fact(string key) => Facts.FirstOrDefault(f => f.Key == key)?.Value;

    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);
}
