using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Tables.Auto;

namespace Extractor.Tables.Document;

/// <summary>Whole document → raw tables: auto per page, captions from the lines above, continued tables stitched.</summary>
public sealed class DocumentTableExtractor(IPageTableFinder? finder = null, ITableStitcher? stitcher = null, CaptionOptions? captions = null) : IDocumentTableExtractor
{
    private readonly CaptionOptions _captions = captions ?? new CaptionOptions();
    private readonly IPageTableFinder _finder = finder ?? new AutoTableFinder();
    private readonly ITableStitcher _stitcher = stitcher ?? new CrossPageStitcher();

    public IReadOnlyList<RawTable> Extract(DocumentContent document)
    {
        var all = new List<RawTable>();
        (PageContent Page, double LastTableBottom)? previous = null;
        foreach (var page in document.Pages)
        {
            if (page.LooksScanned || page.Words.Count == 0) { previous = null; continue; }
            var onPage = _finder.Find(page).OrderByDescending(t => t.Box?.Top ?? 0).ToList();
            for (var i = 0; i < onPage.Count; i++)
            {
                var t = onPage[i];
                var previousBottom = i > 0 && onPage[i - 1].Box is { } pb ? pb.Bottom : double.MaxValue;
                if (t.Box is not { } box) { all.Add(t); continue; }
                var (caption, title) = CaptionReader.Read(page, box, previousBottom, _captions);
                if (i == 0 && previous is { } prev && prev.Page.Number == page.Number - 1)
                {
                    var orphan = OrphanTitle.Find(prev.Page, prev.LastTableBottom, caption);
                    if (orphan.Count > 0) (caption, title) = ([.. orphan, .. caption], null);
                }
                all.Add(t with { Caption = caption, Title = title });
            }
            previous = (page, onPage.Count > 0 && onPage[^1].Box is { } last ? last.Bottom : double.MaxValue);
        }
        return _stitcher.Stitch(all, document.Pages);
    }
}
