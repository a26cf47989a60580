using System.Runtime.CompilerServices;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace Extractor.Pdf.Reading;

/// <summary>
/// PdfPig parses the metrics of all 14 standard fonts when the first document opens (a class constructor, ~70 ms
/// of CPU, a quarter of a short `extractor tables` run). Starting it on a background thread at process start lets
/// it overlap the runtime's start-up and the file's reading; the reader then finds it done (or waits for it).
/// </summary>
public static class PdfWarmUp
{
    private static int started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 1) return;
        new Thread(() => RuntimeHelpers.RunClassConstructor(typeof(Standard14).TypeHandle)) { IsBackground = true, Name = "PdfPig warm-up" }.Start();
    }
}
