using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Web;

/// <summary>The text of an HTML file, decoded as a browser would, and where the encoding came from.</summary>
public sealed record DecodedHtml(string Text, Encoding Encoding, string EncodingSource);

/// <summary>
/// Decodes HTML bytes: a byte-order mark first, then the HTTP Content-Type charset (when known), then a
/// &lt;meta charset&gt; or &lt;meta http-equiv="Content-Type"&gt; in the first bytes; with none, UTF-8 when the
/// bytes are valid UTF-8, else GB18030. GB2312 and GBK are read as GB18030 (their superset), as browsers do.
/// A declared charset that the bytes contradict is not trusted (portals often mislabel their pages both ways).
/// </summary>
public static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    public static DecodedHtml Decode(byte[] bytes, string? contentType = null)
    {
        BinaryCheck(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new(Strict(new UTF8Encoding(false, false), bytes, 3), Encoding.UTF8, "bom");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return new(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), Encoding.Unicode, "bom");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return new(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), Encoding.BigEndianUnicode, "bom");

        // The strict UTF-8 reading is what every declaration is weighed against: made once, however many are tried.
        var utf8 = new Lazy<string?>(() => StrictUtf8(bytes));
        if (contentType is not null && HeaderCharset().Match(contentType) is { Success: true } h && Lookup(h.Groups[1].Value) is { } fromHeader
            && TryDecode(fromHeader, bytes, utf8.Value) is { } headerText)
            return new(headerText, fromHeader, "http");
        if (MetaCharsetOf(bytes) is { } fromMeta && TryDecode(fromMeta, bytes, utf8.Value) is { } metaText)
            return new(metaText, fromMeta, "meta");
        if (utf8.Value is { } sniffed) return new(sniffed, Encoding.UTF8, "sniffed");
        var gb = Encoding.GetEncoding("GB18030");
        return new(gb.GetString(bytes), gb, "sniffed");
    }

    /// <summary>The charset a &lt;meta&gt; in the first 16 KiB declares, when this runtime knows it.</summary>
    public static Encoding? MetaCharsetOf(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 16384));
        var m = MetaCharset().Match(head);
        return m.Success ? Lookup(m.Groups[1].Value) : null;
    }

    /// <summary>The encoding for a charset label; GB2312/GBK/CP936 as GB18030, unknown labels null.</summary>
    public static Encoding? Lookup(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "cp936" or "ms936" or "windows-936" or "gb18030" or "euc-cn" or "csgb2312")
            return Encoding.GetEncoding("GB18030");
        if (name is "utf8" or "utf-8" or "unicode-1-1-utf-8") return Encoding.UTF8;
        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii") return null; // mislabels of CJK pages; decide from the bytes
        // A label the runtime knows but refuses (UTF-7 is disabled in .NET for safety) is as good as unknown.
        try { return Encoding.GetEncoding(name); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { return null; }
    }

    /// <summary>
    /// The text in a declared encoding, or null when the bytes contradict the declaration: invalid UTF-8 for UTF-8;
    /// valid UTF-8 with multi-byte characters for any other charset (GBK prose is practically never valid UTF-8,
    /// while portals copy a gb2312 &lt;meta&gt; onto UTF-8 pages); Chinese in GB18030 for a single-byte charset.
    /// </summary>
    private static string? TryDecode(Encoding encoding, byte[] bytes, string? utf8)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage) return utf8;
        if (utf8 is not null && utf8.Length < bytes.Length) return null;
        if (encoding.IsSingleByte && utf8 is null && MostlyCjk(bytes)) return null;
        return encoding.GetString(bytes);
    }

    /// <summary>Share of control bytes (other than tab, line feed, form feed, carriage return, escape) in the head that makes it binary.</summary>
    public const double MaxControlShare = 0.01;

    /// <summary>
    /// Refuses bytes that are not text: NULs or other control bytes in the first 4 KiB, as random data, an image or a
    /// zeroed file has and no web page in an 8-bit or multi-byte charset does. UTF-16 (a BOM) is text.
    /// </summary>
    private static void BinaryCheck(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return;
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        var control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B)) control++;
        if (head.Length > 0 && control > MaxControlShare * head.Length)
            throw new Extractor.Core.Pipeline.ExtractionException("not_html",
                $"not a web page: binary data ({control} control bytes in the first {head.Length})");
    }

    private static string? StrictUtf8(byte[] bytes)
    {
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>Most high bytes read as CJK characters in GB18030 (two bytes each), as Chinese text does and Latin text does not.</summary>
    private static bool MostlyCjk(byte[] bytes)
    {
        var high = bytes.Count(b => b >= 0x80);
        if (high == 0) return false;
        var cjk = Encoding.GetEncoding("GB18030").GetString(bytes)
            .Count(ch => ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF');
        return cjk * 2 >= high * 0.8;
    }

    private static string Strict(Encoding e, byte[] bytes, int skip) => e.GetString(bytes, skip, bytes.Length - skip);
}
