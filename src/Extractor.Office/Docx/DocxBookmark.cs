using System.Text.Json;
using Extractor.Core.Layout;

namespace Extractor.Office.Docx;

/// <summary>
/// One Word bookmark as read. <see cref="Text"/> is the text it encloses (paragraphs joined by a new line;
/// for a point bookmark NAME followed later by a point bookmark END_NAME, the text between the two);
/// <see cref="After"/> is the rest of its paragraph from its start (what a point bookmark marks);
/// <see cref="Path"/> is the element path where it starts; <see cref="Table"/> the index in
/// <see cref="DocumentContent.NativeTables"/> of the first table it wholly encloses.
/// </summary>
public sealed record DocxBookmark(string Name, string Text, string After, string Path, int? Table)
{
    public bool IsPoint => Text.Trim().Length == 0;
}

/// <summary>Carries a DOCX's bookmarks in <see cref="DocumentContent.Info"/> (key <see cref="InfoKey"/>, JSON) to later stages.</summary>
public static class DocxBookmarks
{
    public const string InfoKey = "docx.bookmarks";

    public static IReadOnlyList<DocxBookmark> Of(DocumentContent content) =>
        content.Info.TryGetValue(InfoKey, out var json) && json.Length > 0
            ? JsonSerializer.Deserialize<List<DocxBookmark>>(json) ?? []
            : [];

    internal static string Encode(IReadOnlyList<DocxBookmark> bookmarks) => JsonSerializer.Serialize(bookmarks);
}
