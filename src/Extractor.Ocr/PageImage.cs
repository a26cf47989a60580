namespace Extractor.Ocr;

/// <summary>A greyscale page raster (PGM from pdftoppm): one byte a pixel, 0 black, 255 white.</summary>
public sealed class PageImage(int width, int height, byte[] pixels, int dpi)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public int Dpi { get; } = dpi;
    public byte this[int x, int y] => pixels[y * Width + x];

    public double ToPoints(double pixels) => pixels * 72.0 / Dpi;

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
