namespace Extractor.Ocr.PpOcr;

/// <summary>
/// The height of a line of body text on a page image, measured without reading it: in vertical strips (so that table
/// columns offset by half a line do not blur together) the rows holding ink form bands, one a printed line; the
/// median band is the body text. It sets the scale text detection runs at.
/// </summary>
public static class TypeSize
{
    private const int Strips = 8;
    private const byte Dark = 128;

    /// <summary>The median height in pixels of the page's inked bands; null for a page with too little print to say.</summary>
    public static double? LineHeight(PageImage image)
    {
        var heights = new List<int>();
        var stripWidth = Math.Max(1, image.Width / Strips);
        var minInk = Math.Max(2, stripWidth / 200);
        var minBand = Math.Max(3, image.Dpi / 50);   // under ~1.5 pt: a speck or a rule's remains
        var maxBand = image.Height / 8;
        for (var s = 0; s < Strips; s++)
        {
            int x0 = s * stripWidth, x1 = Math.Min(image.Width, x0 + stripWidth);
            var run = 0;
            for (var y = 0; y <= image.Height; y++)
            {
                var inked = false;
                if (y < image.Height)
                {
                    var ink = 0;
                    for (var x = x0; x < x1 && ink < minInk; x++)
                        if (image[x, y] < Dark) ink++;
                    inked = ink >= minInk;
                }
                if (inked) { run++; continue; }
                if (run >= minBand && run <= maxBand) heights.Add(run);
                run = 0;
            }
        }
        if (heights.Count < 5) return null;
        heights.Sort();
        return heights[heights.Count / 2];
    }
}
