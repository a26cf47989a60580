using Extractor.Core.Pipeline;

namespace Extractor.Pdf.Reading;

/// <summary>Decides from the bytes, not the name, whether a file can be a PDF, and why not.</summary>
public static class PdfSniffer
{
    /// <returns>False when the file has no trailer (likely truncated); PdfPig may still recover it.</returns>
    public static bool EnsurePdf(string path)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var info = new FileInfo(path);
        if (info.Length == 0) throw new ExtractionException("empty", "file is empty (0 bytes)");
        var head = new byte[Math.Min(1024, info.Length)];
        using (var fs = File.OpenRead(path)) fs.ReadExactly(head);
        if (IndexOf(head, "%PDF-"u8) < 0)
            throw new ExtractionException("not_a_pdf", "not a PDF (" + Describe(head) + ")");
        var tail = new byte[Math.Min(2048, info.Length)];
        using (var fs = File.OpenRead(path)) { fs.Seek(-tail.Length, SeekOrigin.End); fs.ReadExactly(tail); }
        return IndexOf(tail, "%%EOF"u8) >= 0 || IndexOf(tail, "startxref"u8) >= 0;
    }

    public static string Describe(byte[] head)
    {
        var text = System.Text.Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
        if (text.StartsWith("<!doctype html") || text.StartsWith("<html") || text.Contains("<html")) return "an HTML page";
        if (head.Length > 3 && head[0] == 0xFF && head[1] == 0xD8) return "a JPEG image";
        if (head.Length > 4 && head[0] == 0x89 && head[1] == (byte)'P') return "a PNG image";
        if (head.Length > 4 && head[0] == (byte)'P' && head[1] == (byte)'K') return "a ZIP container (docx/xlsx?)";
        if (head.Length > 4 && head[0] == 0xD0 && head[1] == 0xCF) return "an OLE file (doc/xls?)";
        return "no %PDF header";
    }

    private static int IndexOf(ReadOnlySpan<byte> hay, ReadOnlySpan<byte> needle) => hay.IndexOf(needle);
}
