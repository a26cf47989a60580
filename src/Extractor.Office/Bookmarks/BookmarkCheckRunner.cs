using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Office.Bookmarks;

/// <summary>
/// Adds the bookmark checks to another check runner's (wrap the pipeline's CheckRunner with it). For a Word
/// document whose bookmarks name amounts, reasons or tables (<see cref="BookmarkEvidence"/>):
/// <list type="bullet">
/// <item><c>bookmark.fact_agrees</c>: the bookmark's amount equals the fact the pipeline read from table or text
/// (tolerance 0.01 万元) — pass or fail, evidence both; insufficient_data when the pipeline has no such fact.</item>
/// <item><c>bookmark.table_recognized</c>: a table the bookmarks name was mapped to that id — pass or fail.</item>
/// <item><c>bookmark.reason_section</c>: the section a reason bookmark explains was recognised — pass or insufficient_data.</item>
/// </list>
/// Documents without bookmarks get no extra checks.
/// </summary>
public sealed class BookmarkCheckRunner(ICheckRunner? inner, BookmarkMap? map = null) : ICheckRunner
{
    public const decimal Tolerance = 0.01m;

    public IReadOnlyList<Check> Run(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Fact> facts, IReadOnlyList<Section> sections)
    {
        var checks = inner?.Run(document, profile, tables, facts, sections).ToList() ?? [];
        checks.AddRange(Checks(BookmarkEvidence.From(document, map), tables, facts, sections));
        return checks;
    }

    public static IReadOnlyList<Check> Checks(BookmarkEvidence evidence, IReadOnlyList<ReportTable> tables, IReadOnlyList<Fact> facts,
        IReadOnlyList<Section> sections)
    {
        var checks = new List<Check>();
        foreach (var b in evidence.Facts)
        {
            var mark = new Provenance { Kind = "bookmark", Page = 1, Path = b.Path, Printed = b.Printed, PrintedUnit = b.PrintedUnit };
            var fact = facts.FirstOrDefault(f => f.Key == b.Key);
            if (fact is null)
            {
                checks.Add(new Check
                {
                    Rule = "bookmark.fact_agrees", Status = CheckStatus.InsufficientData, Actual = b.Value, Tolerance = Tolerance,
                    Message = $"{b.Key}: bookmark {b.Bookmark} says {b.Value}, no such fact read from the tables or text",
                    Evidence = [mark],
                });
                continue;
            }
            var agrees = Math.Abs(fact.Value - b.Value) <= Tolerance;
            checks.Add(new Check
            {
                Rule = "bookmark.fact_agrees", Status = agrees ? CheckStatus.Pass : CheckStatus.Fail,
                Expected = fact.Value, Actual = b.Value, Tolerance = Tolerance,
                Message = $"{b.Key}: {fact.Provenance.Kind ?? "fact"} vs bookmark {b.Bookmark}",
                Evidence = [fact.Provenance, mark],
            });
        }
        foreach (var t in evidence.Tables)
        {
            var found = tables.Any(x => x.Id == t.TableId);
            checks.Add(new Check
            {
                Rule = "bookmark.table_recognized", Status = found ? CheckStatus.Pass : CheckStatus.Fail,
                Message = $"bookmark {t.Bookmark} names table {t.TableId}{(found ? "" : ", which the mapping did not find")}",
                Evidence = [new Provenance { Kind = "bookmark", Table = t.TableId, Page = 1, Path = t.Path }],
            });
        }
        foreach (var r in evidence.Reasons)
        {
            var found = sections.Any(s => s.Id == r.SectionId || r.SectionId.StartsWith(s.Id + ".", StringComparison.Ordinal) && s.Id.Contains('.'));
            checks.Add(new Check
            {
                Rule = "bookmark.reason_section", Status = found ? CheckStatus.Pass : CheckStatus.InsufficientData,
                Message = $"bookmark {r.Bookmark}: {r.Text}",
                Evidence = [new Provenance { Kind = "bookmark", Page = 1, Path = r.Path }],
            });
        }
        return checks;
    }
}
