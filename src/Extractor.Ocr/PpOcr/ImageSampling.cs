namespace Extractor.Ocr.PpOcr;

/// <summary>
/// The few raster operations the PP-OCR steps need on a greyscale page: resampling to the networks' input sizes,
/// cutting out a (possibly tilted) text line, and turning a page by quarter turns. Written here rather than taken
/// from OpenCV (OpenCvSharp restores, but brings a 114 MB native library into every output folder for these five
/// operations).
/// </summary>
public static class ImageSampling
{
    /// <summary>
    /// Resamples a greyscale raster to <paramref name="width"/> × <paramref name="height"/> with a triangle filter
    /// widened to the scale when shrinking (no aliasing of thin strokes, as an area average), bilinear when enlarging.
    /// </summary>
    public static float[] Resize(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int width, int height)
    {
        var horizontal = Weights(sourceWidth, width);
        var vertical = Weights(sourceHeight, height);
        var temp = new float[sourceHeight * width];
        for (var y = 0; y < sourceHeight; y++)
        {
            var row = source.Slice(y * sourceWidth, sourceWidth);
            for (var x = 0; x < width; x++)
            {
                var (start, w) = horizontal[x];
                float sum = 0;
                for (var k = 0; k < w.Length; k++) sum += w[k] * row[start + k];
                temp[y * width + x] = sum;
            }
        }
        var result = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var (start, w) = vertical[y];
            for (var k = 0; k < w.Length; k++)
            {
                var weight = w[k];
                var offset = (start + k) * width;
                for (var x = 0; x < width; x++) result[y * width + x] += weight * temp[offset + x];
            }
        }
        return result;
    }

    /// <summary>Per output index, the first source index and the normalised weights of the source samples it takes.</summary>
    private static (int Start, float[] Weights)[] Weights(int sourceSize, int size)
    {
        var scale = (double)sourceSize / size;
        var support = Math.Max(1.0, scale);
        var result = new (int, float[])[size];
        for (var i = 0; i < size; i++)
        {
            var centre = (i + 0.5) * scale;
            int first = Math.Max(0, (int)Math.Floor(centre - support)), last = Math.Min(sourceSize - 1, (int)Math.Ceiling(centre + support));
            var w = new float[last - first + 1];
            double total = 0;
            for (var j = first; j <= last; j++)
            {
                var weight = Math.Max(0, 1 - Math.Abs(j + 0.5 - centre) / support);
                w[j - first] = (float)weight;
                total += weight;
            }
            if (total == 0) { first = Math.Clamp((int)centre, 0, sourceSize - 1); w = [1f]; }
            else for (var k = 0; k < w.Length; k++) w[k] = (float)(w[k] / total);
            result[i] = (first, w);
        }
        return result;
    }

    /// <summary>
    /// The pixels under a rotated box, read along its own axes (bilinear), one pixel per pixel: an upright box
    /// comes out as a plain copy, a tilted one straightened. Outside the page is white.
    /// </summary>
    public static byte[] Cut(PageImage image, RotatedBox box, out int width, out int height)
    {
        width = Math.Max(1, (int)Math.Round(box.Width));
        height = Math.Max(1, (int)Math.Round(box.Height));
        var result = new byte[width * height];
        var (ux, uy) = box.U;
        var (vx, vy) = box.V;
        var (ox, oy) = box.At(0, 0);
        for (var v = 0; v < height; v++)
            for (var u = 0; u < width; u++)
            {
                double x = ox + (u + 0.5) * ux + (v + 0.5) * vx - 0.5, y = oy + (u + 0.5) * uy + (v + 0.5) * vy - 0.5;
                result[v * width + u] = Bilinear(image, x, y);
            }
        return result;
    }

    private static byte Bilinear(PageImage image, double x, double y)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        double At(int px, int py) => px < 0 || py < 0 || px >= image.Width || py >= image.Height ? 255 : image[px, py];
        var value = (1 - fy) * ((1 - fx) * At(x0, y0) + fx * At(x0 + 1, y0)) + fy * ((1 - fx) * At(x0, y0 + 1) + fx * At(x0 + 1, y0 + 1));
        return (byte)Math.Clamp(Math.Round(value), 0, 255);
    }

    /// <summary>
    /// The page turned by <paramref name="quarterTurns"/> × 90° counter-clockwise (as it would be held to be read);
    /// the result's width and height swap for odd turns.
    /// </summary>
    public static PageImage Turn(PageImage image, int quarterTurns)
    {
        quarterTurns = ((quarterTurns % 4) + 4) % 4;
        if (quarterTurns == 0) return image;
        int w = image.Width, h = image.Height;
        var (nw, nh) = quarterTurns % 2 == 1 ? (h, w) : (w, h);
        var pixels = new byte[nw * nh];
        for (var y = 0; y < nh; y++)
            for (var x = 0; x < nw; x++)
            {
                var (sx, sy) = quarterTurns switch
                {
                    1 => (w - 1 - y, x),           // counter-clockwise: the right edge comes to the top
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, h - 1 - x),           // clockwise
                };
                pixels[y * nw + x] = image[sx, sy];
            }
        return new PageImage(nw, nh, pixels, image.Dpi);
    }

    /// <summary>A crop turned a half turn: a line the angle classifier found upside down.</summary>
    public static void HalfTurn(byte[] pixels) => Array.Reverse(pixels);

    /// <summary>A crop turned a quarter counter-clockwise: a line that runs down the page, laid flat to be read.</summary>
    public static byte[] QuarterTurn(byte[] pixels, int width, int height)
    {
        var result = new byte[pixels.Length];
        for (var y = 0; y < width; y++)
            for (var x = 0; x < height; x++)
                result[y * height + x] = pixels[x * width + (width - 1 - y)];
        return result;
    }

    /// <summary>The page turned by <paramref name="angle"/> radians about its centre (a skewed scan straightened); same size, white where nothing was.</summary>
    public static PageImage Rotate(PageImage image, double angle)
    {
        int w = image.Width, h = image.Height;
        double cx = w / 2.0, cy = h / 2.0, cos = Math.Cos(angle), sin = Math.Sin(angle);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                pixels[y * w + x] = Bilinear(image, cx + dx * cos - dy * sin - 0.5, cy + dx * sin + dy * cos - 0.5);
            }
        return new PageImage(w, h, pixels, image.Dpi);
    }
}
