using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Extractor.Core.Pipeline;
using Extractor.Pdf.Reading;
using Extractor.TestSupport;

namespace Extractor.Pdf.Tests;

/// <summary>
/// Issue 18, item 8: a 2 MB Flate stream inflating to 2 GB, or a CMap whose one range covers every 4-byte code, took
/// 2.9–3.8 GB (5.3 and 7.2 GB here) before the time limit stopped it. Decoding is now capped per stream, per document
/// and per CMap: both fail as too_large within seconds. The bytes this thread allocates while reading show the memory
/// is never taken (the peak memory of the whole process, before and after, is in the note).
/// </summary>
public sealed class DecompressionBombTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("extractor-bomb-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static void AssertRefusedCheaply(string path, string expected)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ExtractionException>(() => new PdfDocumentReader().Read(path));
        var taken = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal("too_large", e.Reason);
        Assert.Contains(expected, e.Message);
        Assert.True(taken < 256L << 20, $"{taken >> 20} MB allocated while reading");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    [Trait("Category", "Slow")] // deflating 2 GB to build the bomb takes ~20 s
    public void A_flate_stream_that_inflates_to_2_GB_is_refused_before_it_is_inflated()
    {
        var path = Path.Combine(_dir.FullName, "flate-bomb.pdf");
        File.WriteAllBytes(path, BombPdf.WithContent(BombPdf.Deflated(2L << 30)));
        Assert.True(new FileInfo(path).Length < 16 << 20);
        AssertRefusedCheaply(path, "decompression bomb");
    }

    [Fact]
    public void A_cmap_whose_range_covers_every_4_byte_code_is_refused_before_it_is_expanded()
    {
        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
                   + "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end";
        foreach (var compressed in new[] { true, false })
        {
            var path = Path.Combine(_dir.FullName, $"cmap-bomb-{compressed}.pdf");
            File.WriteAllBytes(path, BombPdf.WithType0Font(Encoding.ASCII.GetBytes(cmap), compressed));
            AssertRefusedCheaply(path, "CMap bomb");
        }
    }

    [Fact]
    public void Real_reports_are_well_inside_the_limits()
    {
        var limits = new DecodeLimits();
        foreach (var pdf in Directory.GetFiles(Corpus.Path("dev"), "*.pdf"))
        {
            var doc = new PdfDocumentReader().Read(pdf, new PdfReadOptions { Decode = limits with { MaxDocumentBytes = limits.MaxDocumentBytes / 8 } });
            Assert.NotEmpty(doc.Pages);
        }
    }
}

/// <summary>Hostile PDFs written byte by byte: a page whose content stream or whose font's CMap is the bomb.</summary>
public static class BombPdf
{
    /// <summary><paramref name="size"/> bytes of spaces, deflated (zlib), then a line of text.</summary>
    public static byte[] Deflated(long size)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < size; written += chunk.Length) z.Write(chunk);
            z.Write("BT /F1 12 Tf 72 720 Td (bomb) Tj ET"u8);
        }
        return output.ToArray();
    }

    public static byte[] WithContent(byte[] deflatedContent) => Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        Stream(deflatedContent, "/Filter /FlateDecode"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);

    public static byte[] WithType0Font(byte[] cmap, bool compressed)
    {
        var text = "BT /F1 12 Tf 72 720 Td <00000048> Tj ET"u8.ToArray();
        return Build(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            Stream(text, ""),
            "<< /Type /Font /Subtype /Type0 /BaseFont /Bomb /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>",
            compressed ? Stream(Zlib(cmap), "/Filter /FlateDecode") : Stream(cmap, ""),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bomb /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        ]);
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    private static object Stream(byte[] data, string dictionary) => (data, dictionary);

    private static byte[] Build(object[] objects)
    {
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            if (objects[i] is (byte[] data, string dictionary))
            {
                Write($"<< /Length {data.Length} {dictionary} >>\nstream\n");
                pdf.Write(data);
                Write("\nendstream");
            }
            else Write((string)objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
