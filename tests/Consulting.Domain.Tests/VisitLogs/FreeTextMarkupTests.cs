using Consulting.Domain.Common;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>
/// The markup rule every free text goes through (visit logs first of all): tags and scripts are refused, the angle
/// brackets and arrows of ordinary Korean and English writing are not.
/// </summary>
public class FreeTextMarkupTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<b>굵게</b>")]
    [InlineData("닫는 태그만 </div>")]
    [InlineData("<!-- 주석 -->")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("<iframe src=\"https://example.com\">")]
    [InlineData("javascript:alert(1)")]
    [InlineData("링크: JavaScript :void(0)")]
    [InlineData("x\" onmouseover=\"alert(1)")]
    [InlineData("' onfocus='alert(1)")]
    public void MarkupIsRefused(string text)
    {
        Assert.True(FreeText.LooksLikeMarkup(text));
        Assert.Equal("common.markup", Assert.Throws<DomainException>(() => FreeText.Optional(text, 500)).Code);
        Assert.Equal("common.markup", Assert.Throws<DomainException>(() => FreeText.Required(text, 500, "x.required", "Required.")).Code);
    }

    [Theory]
    [InlineData("<1단계> 점검")]
    [InlineData("<사업계획서> 검토")]
    [InlineData("a < b")]
    [InlineData("만족도 <80%")]
    [InlineData("1 <= 2 이고 3 >= 2")]
    [InlineData("화살표 -> 와 <- 그리고 <=>")]
    [InlineData("<< 이전 | 다음 >>")]
    [InlineData("2025년 6월 9일 <월>")]
    [InlineData("on = 'x' 는 평범한 문장이 아님")]
    [InlineData("button onclick 설명")]
    [InlineData("json 형식, phonetic=\"a\"")]
    [InlineData("Java script 교육")]
    public void OrdinaryTextIsKept(string text)
    {
        Assert.False(FreeText.LooksLikeMarkup(text));
        Assert.Equal(text, FreeText.Optional(text, 500));
    }

    [Fact]
    public void TextIsTrimmedAndBlankIsNothing()
    {
        Assert.Equal("현황", FreeText.Optional("  현황 \n", 10));
        Assert.Null(FreeText.Optional(" \t ", 10));
        Assert.Null(FreeText.Optional(null, 10));
        Assert.Equal("x.required", Assert.Throws<DomainException>(() => FreeText.Required("  ", 10, "x.required", "Required.")).Code);
    }

    [Fact]
    public void TheLimitCountsTheTrimmedText()
    {
        Assert.Equal("가나다", FreeText.Optional("  가나다  ", 3));
        var error = Assert.Throws<DomainException>(() => FreeText.Optional("가나다라", 3));
        Assert.Equal(("common.too-long", (object)3), (error.Code, error.Args.Single()));
    }
}
