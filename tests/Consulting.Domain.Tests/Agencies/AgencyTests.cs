using Consulting.Domain.Agencies;
using Consulting.Domain.Common;

namespace Consulting.Domain.Tests.Agencies;

public class AgencyTests
{
    [Fact]
    public void TrimsItsNameAndContact()
    {
        var agency = new Agency("  해솔 종합사회복지관 ", AgencyTypeCodes.CommunityWelfareCenter, "가온시 해솔구");
        agency.SetContact(" 가온시 해솔구 1 ", " ", "  ");

        Assert.Equal("해솔 종합사회복지관", agency.Name);
        Assert.Equal("가온시 해솔구 1", agency.Address);
        Assert.Null(agency.Phone);
        Assert.Null(agency.Email);
    }

    [Fact]
    public void RequiresAName() =>
        Assert.Equal("agency.name-required", Assert.Throws<DomainException>(() =>
            new Agency(" ", AgencyTypeCodes.GroupHome, "가온시")).Code);

    [Fact]
    public void RejectsANameLongerThanTheLimit() =>
        Assert.Equal("common.too-long", Assert.Throws<DomainException>(() =>
            new Agency(new string('가', Agency.NameMaxLength + 1), AgencyTypeCodes.GroupHome, "가온시")).Code);

    [Fact]
    public void TheManagedListHasTheSeedTypes()
    {
        var names = AgencyTypeCodes.Defaults().Select(t => t.NameKo).ToList();

        Assert.Contains("공동생활가정", names);
        Assert.Contains("이주여성쉼터", names);
        Assert.Contains("읍·면 맞춤형복지팀", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}

public class AgencyMoveTests
{
    [Fact]
    public void MovesToATrimmedDistrict()
    {
        var agency = new Agency("해솔 공동생활가정", AgencyTypeCodes.GroupHome, "가온시");

        agency.MoveTo("  나래군 ");

        Assert.Equal("나래군", agency.District);
    }

    [Fact]
    public void RefusesAnEmptyDistrict()
    {
        var agency = new Agency("해솔 공동생활가정", AgencyTypeCodes.GroupHome, "가온시");

        Assert.Equal("agency.district-required", Assert.Throws<DomainException>(() => agency.MoveTo(" ")).Code);
        Assert.Equal("가온시", agency.District);
    }
}

public class AgencyTypeTests
{
    [Fact]
    public void ACustomTypeGetsAGeneratedCodeAndTrimmedNames()
    {
        var type = AgencyType.Custom(" 노인주간보호센터 ", " Senior day care centre", 90);

        Assert.StartsWith("custom-", type.Code, StringComparison.Ordinal);
        Assert.True(type.Code.Length <= AgencyType.CodeMaxLength);
        Assert.Equal("노인주간보호센터", type.NameKo);
        Assert.Equal("Senior day care centre", type.NameEn);
        Assert.True(type.IsActive);
    }

    [Fact]
    public void RenamingNeedsBothNamesAndKeepsTheOldOnesOnFailure()
    {
        var type = AgencyType.Custom("쉼터", "Shelter", 90);

        Assert.Equal("agency-type.name-required", Assert.Throws<DomainException>(() => type.Rename("새 이름", "")).Code);
        Assert.Equal("common.too-long", Assert.Throws<DomainException>(() => type.Rename(new string('가', 101), "x")).Code);
        Assert.Equal("쉼터", type.NameKo);
    }

    [Fact]
    public void RetiresAndRestores()
    {
        var type = AgencyType.Custom("쉼터", "Shelter", 90);

        type.Deactivate();
        Assert.False(type.IsActive);
        type.Reactivate();
        Assert.True(type.IsActive);
    }
}
