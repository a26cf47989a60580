using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf.Reading;

/// <summary>Limits on what decoding one PDF may produce, against decompression and CMap bombs; the defaults hold real reports with a wide margin.</summary>
public sealed record DecodeLimits
{
    /// <summary>One stream, decoded. Content streams of real reports are a few MB; a whole embedded CJK font ~20 MB.</summary>
    public long MaxStreamBytes { get; init; } = 128L * 1024 * 1024;
    /// <summary>All streams of the document, decoded (each time one is decoded).</summary>
    public long MaxDocumentBytes { get; init; } = 1024L * 1024 * 1024;
    /// <summary>
    /// Codes a CMap's bfrange lines may map, counted before PdfPig expands each code into its own entry (a ToUnicode CMap
    /// of a real font maps at most 65,536 codes per range, a few ranges in all; one range over 4-byte codes is 4 billion).
    /// </summary>
    public long MaxCMapCodes { get; init; } = 1L << 20;
}

/// <summary>What the document's decoding exceeded (<see cref="DecodeBudget"/>).</summary>
public sealed class DecodeLimitException(string message) : Exception(message);

/// <summary>
/// Counts what PdfPig decodes for one document, through a filter provider that wraps every filter (<see cref="Provider"/>):
/// a Flate stream whose output would pass the stream limit is measured by a bounded inflate before PdfPig allocates it,
/// the document's running total is capped, and a decoded CMap whose ranges map too many codes is refused before
/// PdfPig expands them. The raw file is checked for CMaps stored uncompressed (<see cref="CheckRaw"/>). Exceeding any
/// limit throws <see cref="DecodeLimitException"/> and is remembered (<see cref="Exceeded"/>), in case the parser
/// swallows the exception.
/// </summary>
public sealed class DecodeBudget(DecodeLimits limits)
{
    private long _decoded;
    private string? _exceeded;

    public DecodeLimits Limits => limits;
    public long Decoded => Interlocked.Read(ref _decoded);
    /// <summary>The first limit exceeded, in words; null when none was.</summary>
    public string? Exceeded => Volatile.Read(ref _exceeded);

    public IFilterProvider Provider() => new GuardedProvider(DefaultFilterProvider.Instance, this);

    /// <summary>Checks the file's bytes for CMaps stored without compression.</summary>
    public void CheckRaw(ReadOnlySpan<byte> file) => CheckCMap(file);

    private Exception Exceed(string what)
    {
        Interlocked.CompareExchange(ref _exceeded, what, null);
        return new DecodeLimitException(what);
    }

    private void Before(IFilter filter, ReadOnlyMemory<byte> input)
    {
        // Deflate expands at most ~1032:1: a short input cannot pass the limit and is not measured.
        if (filter is not FlateFilter || input.Length * 1032L <= limits.MaxStreamBytes) return;
        if (InflatedLength(input.Span, limits.MaxStreamBytes + 1) > limits.MaxStreamBytes)
            throw Exceed($"a compressed stream inflates to more than {Mb(limits.MaxStreamBytes)} (a decompression bomb)");
    }

    private void After(ReadOnlySpan<byte> output)
    {
        if (output.Length > limits.MaxStreamBytes)
            throw Exceed($"a stream decodes to {Mb(output.Length)}, over the limit of {Mb(limits.MaxStreamBytes)}");
        if (Interlocked.Add(ref _decoded, output.Length) > limits.MaxDocumentBytes)
            throw Exceed($"its streams decode to more than {Mb(limits.MaxDocumentBytes)} in all");
        CheckCMap(output);
    }

    private static readonly byte[] BfRange = "beginbfrange"u8.ToArray();
    private static readonly byte[] EndBfRange = "endbfrange"u8.ToArray();

    /// <summary>Sums the codes of every bfrange (low..high, as big-endian integers) and refuses past the limit.</summary>
    private void CheckCMap(ReadOnlySpan<byte> data)
    {
        long codes = 0;
        var at = data.IndexOf(BfRange);
        while (at >= 0)
        {
            var block = data[(at + BfRange.Length)..];
            var end = block.IndexOf(EndBfRange);
            var body = end >= 0 ? block[..end] : block;
            codes += RangeCodes(body);
            if (codes > limits.MaxCMapCodes)
                throw Exceed($"a character map (CMap) maps more than {limits.MaxCMapCodes:N0} codes (a CMap bomb)");
            if (end < 0) break;
            var next = block[end..].IndexOf(BfRange);
            at = next < 0 ? -1 : at + BfRange.Length + end + next;
        }
    }

    /// <summary>Codes of the lines &lt;low&gt; &lt;high&gt; dst in one bfrange block (destinations, hex or arrays, skipped).</summary>
    private static long RangeCodes(ReadOnlySpan<byte> body)
    {
        long total = 0;
        var hex = new List<ulong>(3);
        var depth = 0; // inside a [ … ] destination array
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == '[') depth++;
            else if (b == ']') depth = Math.Max(0, depth - 1);
            else if (b == '<' && depth == 0)
            {
                var close = body[i..].IndexOf((byte)'>');
                if (close < 0) break;
                hex.Add(HexValue(body.Slice(i + 1, close - 1)));
                i += close;
                if (hex.Count == 2)
                {
                    if (hex[1] >= hex[0]) total += (long)Math.Min(hex[1] - hex[0] + 1, long.MaxValue / 4);
                    if (total > long.MaxValue / 4) return total;
                }
                else if (hex.Count == 3) { hex.Clear(); }
            }
            if (b == ']' && depth == 0 && hex.Count == 2) hex.Clear(); // an array destination ends the line
        }
        return total;
    }

    private static ulong HexValue(ReadOnlySpan<byte> digits)
    {
        ulong value = 0;
        var n = 0;
        foreach (var d in digits)
        {
            int v = d switch { >= (byte)'0' and <= (byte)'9' => d - '0', >= (byte)'a' and <= (byte)'f' => d - 'a' + 10, >= (byte)'A' and <= (byte)'F' => d - 'A' + 10, _ => -1 };
            if (v < 0) continue;
            if (++n > 16) break;
            value = value << 4 | (uint)v;
        }
        return value;
    }

    /// <summary>Bytes a zlib/deflate stream inflates to, counted up to <paramref name="stopAt"/> without keeping them.</summary>
    private static long InflatedLength(ReadOnlySpan<byte> input, long stopAt)
    {
        // PdfPig skips the two-byte zlib header and inflates the rest; measure the same way.
        var body = input.Length > 2 ? input[2..].ToArray() : [];
        using var inflate = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress);
        var buffer = new byte[1 << 16];
        long total = 0;
        try
        {
            int n;
            while ((n = inflate.Read(buffer)) > 0)
                if ((total += n) >= stopAt) return total;
        }
        catch (InvalidDataException) { } // damaged data: PdfPig decodes what it can, as it would anyway
        return total;
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0} MB";

    private sealed class GuardedProvider(IFilterProvider inner, DecodeBudget budget) : IFilterProvider
    {
        public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));
        public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));
        public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());
        private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new GuardedFilter(f, budget)).ToList();
    }

    private sealed class GuardedFilter(IFilter inner, DecodeBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.Before(inner, input);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.After(output.Span);
            return output;
        }
    }
}
