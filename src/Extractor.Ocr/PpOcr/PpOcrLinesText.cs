using System.Globalization;
using System.Text;

namespace Extractor.Ocr.PpOcr;

/// <summary>
/// PP-OCR's reading of a page as plain tab-separated text, for the opt-in OCR cache: the page's turn and skew, then
/// each line (box, orientation, text) followed by its characters (stretch and confidence). Plain text, not JSON
/// serialisation, so the ahead-of-time build of `extractor-tables` needs no run-time code for it.
/// </summary>
public static class PpOcrLinesText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write((int Turn, double Skew, List<RecognizedLine> Lines) reading)
    {
        var sb = new StringBuilder();
        sb.Append(Invariant, $"P\t{reading.Turn}\t{reading.Skew:R}\n");
        foreach (var l in reading.Lines)
        {
            var b = l.Box;
            sb.Append(Invariant, $"L\t{b.CentreX:R}\t{b.CentreY:R}\t{b.Width:R}\t{b.Height:R}\t{b.Angle:R}\t{(l.Sideways ? 1 : 0)}\t{(l.UpsideDown ? 1 : 0)}\t{l.Text}\n");
            foreach (var c in l.Chars)
                sb.Append(Invariant, $"C\t{c.Value}\t{c.Left:R}\t{c.Top:R}\t{c.Right:R}\t{c.Bottom:R}\t{c.Confidence:R}\n");
        }
        return sb.ToString();
    }

    public static (int Turn, double Skew, List<RecognizedLine> Lines) Read(string text)
    {
        int turn = 0;
        double skew = 0;
        var lines = new List<RecognizedLine>();
        double D(string v) => double.Parse(v, Invariant);
        foreach (var row in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = row.Split('\t');
            switch (f[0])
            {
                case "P": (turn, skew) = (int.Parse(f[1], Invariant), D(f[2])); break;
                case "L":
                    lines.Add(new RecognizedLine(new RotatedBox(D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5])), f[8], new List<PlacedChar>(), f[6] == "1", f[7] == "1"));
                    break;
                case "C":
                    ((List<PlacedChar>)lines[^1].Chars).Add(new PlacedChar(f[1], D(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6])));
                    break;
            }
        }
        return (turn, skew, lines);
    }
}
