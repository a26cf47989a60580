namespace Extractor.Sections.Candidates;

/// <summary>
/// A line (or lines joined across a wrap) that the evidence says is a heading.
/// <paramref name="FirstLine"/>..<paramref name="LastLine"/> are DocLine indices; body text starts after LastLine.
/// <paramref name="RunIn"/> marks a heading printed at the start of its paragraph (（一）内设机构设置。本部门…);
/// the rest of that line is body text.
/// </summary>
public sealed record HeadingCandidate(
    int FirstLine,
    int LastLine,
    int Page,
    string Text,
    Numbered Number,
    StyleKey Style,
    double Score,
    string Evidence,
    bool RunIn = false,
    string RunInBody = "");

/// <summary>What decides a heading's level: its numbering style, or for unnumbered headings how they stand out.</summary>
public enum StyleKey
{
    /// <summary>第X部分, 目录, 名词解释, 附件 and display-size titles: the top of the tree.</summary>
    Top,
    ChineseComma,
    ChineseParen,
    ArabicDot,
    ArabicParen,
    Circled,
    /// <summary>Unnumbered, bold or slightly larger than body: placed below the current heading.</summary>
    Emphasis,
}
