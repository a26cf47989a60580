using System.Security.Cryptography;
using System.Text;

namespace Extractor.Ocr;

/// <summary>
/// Opt-in on-disk cache of Tesseract's TSV (and PP-OCR's lines), keyed by the sha256 of the exact image bytes and the
/// tesseract arguments (the PP-OCR options): OCR dominates a scan's run time, so re-running the downstream stages after one
/// OCR pass takes seconds. Enabled by EXTRACTOR_OCR_CACHE=DIR; off (null) otherwise, so a normal run
/// never writes outside its temp folder.
/// </summary>
public sealed class OcrCache(string directory)
{
    public const string EnvironmentVariable = "EXTRACTOR_OCR_CACHE";

    public static OcrCache? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? new OcrCache(dir) : null;

    public string GetOrAdd(string imagePath, IReadOnlyList<string> args, Func<string> recognize) =>
        GetOrAddAt(Path.Combine(directory, Key(imagePath, args) + ".tsv"), recognize);

    /// <summary>The same cache for a result computed from raw bytes (PP-OCR's lines of a page image) rather than a file.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> image, string parameters, Func<string> recognize)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(image);
        sha.AppendData(Encoding.UTF8.GetBytes("\n" + parameters));
        return GetOrAddAt(Path.Combine(directory, Convert.ToHexStringLower(sha.GetHashAndReset()) + ".ppocr.tsv"), recognize);
    }

    private string GetOrAddAt(string path, Func<string> recognize)
    {
        if (File.Exists(path)) return File.ReadAllText(path);
        var value = recognize();
        Directory.CreateDirectory(directory);
        // Written aside then moved: parallel workers never read a half-written entry.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, value);
        File.Move(temp, path, overwrite: true);
        return value;
    }

    private static string Key(string imagePath, IReadOnlyList<string> args)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var fs = File.OpenRead(imagePath))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = fs.Read(buffer)) > 0) sha.AppendData(buffer, 0, n);
        }
        sha.AppendData(Encoding.UTF8.GetBytes("\n" + string.Join('\u001f', args)));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
