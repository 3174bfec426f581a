using Consulting.Domain.Common;
using Consulting.Domain.Consultants;

namespace Consulting.Domain.Tests.Consultants;

/// <summary>The registry entry's own rules: expertise, the weekly maximum, declared dates, and which areas it covers.</summary>
public class ConsultantTests
{
    private static readonly DateTime Now = new(2025, 5, 20, 0, 0, 0, DateTimeKind.Utc);

    private static ConsultantProfile Profile(IReadOnlyList<string>? expertise = null, int maxVisitsPerWeek = 4, string name = "강하늘") =>
        new(name, " 한빛경영컨설팅 ", expertise ?? ["organisation"], "010-0000-0000", "kang@example.org", "가온시", maxVisitsPerWeek, null);

    private static Consultant NewConsultant() => new(Profile(), Now);

    [Fact]
    public void ANewConsultantIsActiveWithoutAnAccount()
    {
        var consultant = NewConsultant();

        Assert.True(consultant.IsActive);
        Assert.Null(consultant.UserId);
        Assert.Equal("한빛경영컨설팅", consultant.Affiliation);
    }

    [Fact]
    public void ExpertiseIsRequired()
    {
        Assert.Equal("consultant.expertise-required", Assert.Throws<DomainException>(() => new Consultant(Profile([]), Now)).Code);
    }

    [Fact]
    public void UnknownExpertiseIsRefused()
    {
        Assert.Equal("consultant.expertise-unknown", Assert.Throws<DomainException>(() => new Consultant(Profile(["organisation", "astrology"]), Now)).Code);
    }

    [Fact]
    public void ExpertiseIsKeptOnceInTheRegistrysOrder()
    {
        var consultant = new Consultant(Profile(["peer-coaching", "organisation", "peer-coaching"]), Now);

        Assert.Equal(["organisation", "peer-coaching"], consultant.Expertise);
    }

    [Fact]
    public void ANameIsRequired()
    {
        Assert.Equal("consultant.name-required", Assert.Throws<DomainException>(() => new Consultant(Profile(name: "  "), Now)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void TheWeeklyMaximumIsBetweenOneAndTwenty(int max)
    {
        var error = Assert.Throws<DomainException>(() => new Consultant(Profile(maxVisitsPerWeek: max), Now));

        Assert.Equal("consultant.weekly-max-range", error.Code);
        Assert.Equal(Consultant.MaxVisitsPerWeekLimit, error.Args[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void TheWeeklyMaximumMayBeAnyNumberInRange(int max)
    {
        Assert.Equal(max, new Consultant(Profile(maxVisitsPerWeek: max), Now).MaxVisitsPerWeek);
    }

    [Fact]
    public void AnInvalidUpdateChangesNothing()
    {
        var consultant = NewConsultant();

        Assert.Throws<DomainException>(() => consultant.Update(Profile(["organisation"], maxVisitsPerWeek: 0, name: "새 이름")));

        Assert.Equal(4, consultant.MaxVisitsPerWeek);
        Assert.Equal(["organisation"], consultant.Expertise);
    }

    [Fact]
    public void DeclaredDatesSayWhenTheConsultantIsAway()
    {
        var consultant = NewConsultant();

        var entry = consultant.DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, " 여름 휴가 ");

        Assert.Equal("여름 휴가", entry.Note);
        Assert.Null(consultant.UnavailableOn(new DateOnly(2025, 8, 3)));
        Assert.Same(entry, consultant.UnavailableOn(new DateOnly(2025, 8, 4)));
        Assert.Same(entry, consultant.UnavailableOn(new DateOnly(2025, 8, 8)));
        Assert.Null(consultant.UnavailableOn(new DateOnly(2025, 8, 9)));
    }

    [Theory]
    [InlineData(2025, 8, 1, 2025, 8, 4)]
    [InlineData(2025, 8, 8, 2025, 8, 12)]
    [InlineData(2025, 8, 5, 2025, 8, 6)]
    [InlineData(2025, 7, 1, 2025, 9, 1)]
    public void OverlappingDatesAreRefused(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var consultant = NewConsultant();
        consultant.DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, null);

        var error = Assert.Throws<DomainException>(() =>
            consultant.DeclareUnavailable(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2), UnavailabilityKind.OtherCommitment, null));

        Assert.Equal("unavailability.overlaps", error.Code);
        Assert.Single(consultant.UnavailableDates);
    }

    [Fact]
    public void AdjacentDatesAreNoOverlap()
    {
        var consultant = NewConsultant();
        consultant.DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, null);

        consultant.DeclareUnavailable(new DateOnly(2025, 8, 9), new DateOnly(2025, 8, 10), UnavailabilityKind.OtherCommitment, null);

        Assert.Equal(2, consultant.UnavailableDates.Count);
    }

    [Fact]
    public void DatesMustRunForwardAndForAtMostAYear()
    {
        var consultant = NewConsultant();

        Assert.Equal("range.end-before-start", Assert.Throws<DomainException>(() =>
            consultant.DeclareUnavailable(new DateOnly(2025, 8, 8), new DateOnly(2025, 8, 4), UnavailabilityKind.Vacation, null)).Code);
        Assert.Equal("unavailability.too-long", Assert.Throws<DomainException>(() =>
            consultant.DeclareUnavailable(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2), UnavailabilityKind.Vacation, null)).Code);
        consultant.DeclareUnavailable(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), UnavailabilityKind.Vacation, null);
    }

    [Fact]
    public void RemovingDatesThatAreGoneIsRefused()
    {
        var consultant = NewConsultant();
        var entry = consultant.DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, null);

        consultant.RemoveUnavailability(entry.Id);

        Assert.Empty(consultant.UnavailableDates);
        Assert.Equal("unavailability.not-found", Assert.Throws<DomainException>(() => consultant.RemoveUnavailability(entry.Id)).Code);
    }

    [Fact]
    public void AnAccountIsLinkedOnce()
    {
        var consultant = NewConsultant();
        var account = Guid.NewGuid();
        consultant.LinkAccount(account);

        Assert.Equal("consultant.has-account", Assert.Throws<DomainException>(() => consultant.LinkAccount(Guid.NewGuid())).Code);
        Assert.Equal(account, consultant.UserId);
    }

    [Theory]
    [InlineData("organisation", "organisation", true)]
    [InlineData("planning-evaluation", "organisation", false)]
    [InlineData("case-management", "case-management", true)]
    [InlineData("community-organising", "case-management", false)]
    [InlineData("blind-spot-discovery", "peer-coaching", true)]
    [InlineData("client-management", "peer-coaching", true)]
    [InlineData("closed-case-monitoring", "peer-coaching", true)]
    [InlineData("peer-coaching", "peer-coaching", true)]
    [InlineData("client-management", "case-management", false)]
    [InlineData("organisation", "peer-coaching", false)]
    [InlineData("local-custom-area", "organisation", true)]
    [InlineData("local-custom-area", "peer-coaching", true)]
    public void ExpertiseCoversItsConsultingAreasMonitoringTopicsAndAnyCustomArea(string areaCode, string expertise, bool covers)
    {
        Assert.Equal(covers, ConsultantExpertise.Covers([expertise], areaCode));
        Assert.Equal(covers, new Consultant(Profile([expertise]), Now).Covers(areaCode));
    }
}
