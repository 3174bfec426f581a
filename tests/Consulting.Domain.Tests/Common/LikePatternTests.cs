using Consulting.Domain.Common;

namespace Consulting.Domain.Tests.Common;

public class LikePatternTests
{
    [Theory]
    [InlineData("해솔", "해솔")]
    [InlineData("100%", "100\\%")]
    [InlineData("나눔_센터", "나눔\\_센터")]
    [InlineData("a\\b", "a\\\\b")]
    public void ExactlyEscapesTheWildcardsAndTheEscape(string text, string expected) =>
        Assert.Equal(expected, LikePattern.Exactly(text));

    [Fact]
    public void ContainingTrimsAndWrapsInWildcards() =>
        Assert.Equal("%100\\%%", LikePattern.Containing("  100% "));
}
