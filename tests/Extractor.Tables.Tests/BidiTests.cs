using Extractor.Tables.Text;

namespace Extractor.Tables.Tests;

public class BidiTests
{
    [Theory]
    // Hebrew drawn in visual order (indictb1h): reversed as a whole, brackets mirrored, the number kept.
    [InlineData("(םימולהי אלל) היישעת", "תעשייה (ללא יהלומים)")]
    [InlineData("שפנל (1) תילאודיבידניא", "אינדיבידואלית (1) לנפש")]
    // A left-to-right line reverses only its right-to-left run.
    [InlineData("Jeremy is يمرج in Arabic", "Jeremy is جرمي in Arabic")]
    // Nothing right-to-left: unchanged.
    [InlineData("一般公共服务支出 (1)", "一般公共服务支出 (1)")]
    [InlineData("Total (a) 1,234.56", "Total (a) 1,234.56")]
    public void VisualOrderBecomesLogical(string visual, string logical) => Assert.Equal(logical, Bidi.ToLogical(visual));
}
