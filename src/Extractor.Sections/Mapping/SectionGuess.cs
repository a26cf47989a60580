namespace Extractor.Sections.Mapping;

/// <summary>An id for a heading with how sure the source is (0..1) and which source said so ("rule:…", "model", …).</summary>
public sealed record SectionGuess(string Id, double Confidence, string Source);

/// <summary>
/// What the id of one heading is decided from. The same record is read from a labels file when training
/// and built from the heading tree at run time, so the classifier sees identical features in both.
/// </summary>
public sealed record HeadingExample(
    string Heading,
    string ParentHeading,
    int Level,
    double Position,
    string Kind,
    string? ParentRuleId = null)
{
    /// <summary>The gold id when the example comes from a labels file.</summary>
    public string? Label { get; init; }
}
