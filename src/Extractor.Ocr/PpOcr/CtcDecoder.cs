namespace Extractor.Ocr.PpOcr;

/// <summary>One character of a recognised line: where along the line (in input columns) and how sure.</summary>
public readonly record struct DecodedChar(string Value, double Column, double Confidence);

/// <summary>
/// Greedy CTC decoding, as PaddleOCR's CTCLabelDecode: the most probable class at each time step, repeats
/// collapsed, the blank (class 0) dropped. Each character keeps the mean of the time steps that emitted it, so its
/// position on the line is known (a step is a fixed stride of the input image), and its probability as confidence.
/// </summary>
public sealed class CtcDecoder
{
    private readonly string[] classes;

    /// <summary>Class 0 is the blank, then the dictionary's lines in order, then the space (PaddleOCR's use_space_char).</summary>
    public CtcDecoder(IReadOnlyList<string> dictionary) => classes = ["", .. dictionary, " "];

    public static CtcDecoder FromFile(string path) =>
        new(File.ReadAllLines(path).Select(l => l.TrimEnd('\r')).ToList());

    public int ClassCount => classes.Length;

    /// <summary>Decodes steps × classes probabilities; a character's column is its mean step + 0.5, in steps.</summary>
    public List<DecodedChar> Decode(ReadOnlySpan<float> probabilities, int steps)
    {
        var n = probabilities.Length / steps;
        if (n != classes.Length) throw new InvalidDataException($"recognition model gives {n} classes, the dictionary {classes.Length}");
        var result = new List<DecodedChar>();
        int previous = 0, first = 0;
        float best = 0;
        void Close(int end)
        {
            if (previous != 0) result.Add(new DecodedChar(classes[previous], (first + end) / 2.0 + 0.5, best));
        }
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * n, n);
            var argmax = 0;
            var max = row[0];
            for (var c = 1; c < n; c++)
                if (row[c] > max) (max, argmax) = (row[c], c);
            if (argmax == previous) { if (max > best) best = max; continue; }
            Close(t - 1);
            (previous, first, best) = (argmax, t, max);
        }
        Close(steps - 1);
        return result;
    }
}
