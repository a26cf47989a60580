namespace Extractor.Ocr;

/// <summary>A greyscale page raster (PGM from pdftoppm): one byte a pixel, 0 black, 255 white.</summary>
public sealed class PageImage(int width, int height, byte[] pixels, int dpi)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public int Dpi { get; } = dpi;
    public byte this[int x, int y] => pixels[y * Width + x];

    /// <summary>The raster, row by row (for the PP-OCR steps that resample it).</summary>
    internal ReadOnlySpan<byte> Pixels => pixels;

    public double ToPoints(double pixels) => pixels * 72.0 / Dpi;

    public int ToPixels(double points) => (int)Math.Round(points * Dpi / 72.0);

    /// <summary>
    /// A copy with the table borders painted white: Tesseract reads cell text far better without the
    /// lines, which it otherwise takes for letters (|, [, 一). <see cref="RulingEraser"/> with its default options.
    /// </summary>
    public PageImage WithoutRulings(IEnumerable<Extractor.Core.Layout.Ruling> rulings, double pageHeightPt) =>
        DefaultEraser.Erase(this, rulings, pageHeightPt);

    private static readonly RulingEraser DefaultEraser = new();

    /// <summary>The same raster with other pixels (of the same size).</summary>
    internal PageImage With(byte[] newPixels) => new(Width, Height, newPixels, Dpi);

    /// <summary>The paper's shade: the most common grey level of the page (sampled), paper being most of any page.</summary>
    public byte PaperShade()
    {
        var counts = new int[256];
        for (var y = 0; y < Height; y += 4)
            for (var x = 0; x < Width; x += 4)
                counts[pixels[y * Width + x]]++;
        var best = 255;
        for (var v = 254; v >= 0; v--) if (counts[v] > counts[best]) best = v;
        return (byte)best;
    }

    /// <summary>The pixels of a rectangle, framed by a white margin (Tesseract misreads text touching the image edge).</summary>
    public PageImage Crop(int left, int top, int width, int height, int margin)
    {
        left = Math.Clamp(left, 0, Width); top = Math.Clamp(top, 0, Height);
        width = Math.Clamp(width, 0, Width - left); height = Math.Clamp(height, 0, Height - top);
        int w = width + 2 * margin, h = height + 2 * margin;
        var copy = new byte[w * h];
        Array.Fill(copy, (byte)255);
        for (var y = 0; y < height; y++)
            Array.Copy(pixels, (top + y) * Width + left, copy, (margin + y) * w + margin, width);
        return new PageImage(w, h, copy, Dpi);
    }

    /// <summary>Dark pixels (below mid grey) in a rectangle: whether anything is printed there.</summary>
    public int Ink(int left, int top, int width, int height) => InkBounds(left, top, left + width, top + height)?.Count ?? 0;

    /// <summary>
    /// The pixels of a rectangle (right and bottom exclusive) darker than <paramref name="below"/>: how many, and their
    /// bounds; null when none.
    /// </summary>
    public (int Count, (int Left, int Top, int Right, int Bottom) Bounds)? InkBounds(int left, int top, int right, int bottom, byte below = 128)
    {
        int count = 0, x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
            for (var x = Math.Max(0, left); x < Math.Min(Width, right); x++)
            {
                if (pixels[y * Width + x] >= below) continue;
                count++;
                x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
            }
        return count == 0 ? null : (count, (x0, y0, x1, y1));
    }

    public void WritePgm(string path)
    {
        using var fs = File.Create(path);
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        fs.Write(header);
        fs.Write(pixels);
    }

    /// <summary>Parses binary PGM (P5), the format `pdftoppm -gray` writes.</summary>
    public static PageImage ReadPgm(string path, int dpi)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (pos < bytes.Length && (char.IsWhiteSpace((char)bytes[pos]) || bytes[pos] == '#'))
            {
                if (bytes[pos] == '#') while (pos < bytes.Length && bytes[pos] != '\n') pos++;
                else pos++;
            }
            var start = pos;
            while (pos < bytes.Length && !char.IsWhiteSpace((char)bytes[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException("not a binary PGM");
        int w = int.Parse(Token()), h = int.Parse(Token()), max = int.Parse(Token());
        pos++; // the single white space after maxval
        if (max > 255) throw new InvalidDataException("16-bit PGM not supported");
        var pixels = new byte[w * h];
        Array.Copy(bytes, pos, pixels, 0, Math.Min(pixels.Length, bytes.Length - pos));
        return new PageImage(w, h, pixels, dpi);
    }
}
