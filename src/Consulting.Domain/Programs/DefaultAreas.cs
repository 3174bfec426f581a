namespace Consulting.Domain.Programs;

/// <summary>The areas a new programme starts from (../shared/domain.md).</summary>
public static class DefaultAreas
{
    public sealed record Template(string Code, string NameKo, string NameEn, int PlannedVisits, IReadOnlyList<string> Topics);

    public static readonly IReadOnlyList<Template> Consulting =
    [
        new("organisation", "조직 관리", "Organisation management", 3,
            ["조직 구조", "인사 관리", "조직문화 개선", "기관 운영 매뉴얼"]),
        new("planning-evaluation", "사업 기획·평가", "Programme planning and evaluation", 6,
            ["주요 사업 검토", "성과평가 계획", "사업계획과 결과보고 연계"]),
        new("case-management", "사례 관리", "Case management", 3,
            ["사례관리 매뉴얼", "협업 체계", "슈퍼비전 체계"]),
        new("community-organising", "지역사회조직화", "Community organising", 3,
            ["지역 네트워크 구축", "협력 관계 분석", "지역사회 내 기관의 역할"]),
    ];

    public static readonly IReadOnlyList<Template> Monitoring =
    [
        new("blind-spot-discovery", "복지사각지대 발굴 현황", "Finding people in welfare blind spots", 1,
            ["발굴 경로", "발굴 실적", "전년도 추진 실적 공유"]),
        new("client-management", "사례관리 대상자 관리 실태", "Managing case-managed clients", 1,
            ["대상자 관리 실태", "초기상담", "개선과제 도출"]),
        new("closed-case-monitoring", "종결자 모니터링", "Monitoring closed cases", 1,
            ["종결 사례 사후관리", "종결 기준 점검"]),
        new("peer-coaching", "동료멘토링(피어코칭)", "Peer coaching", 1,
            ["대상자 발굴 방법", "초기상담", "절차별 상담기법", "종결자 모니터링"]),
    ];

    public static IReadOnlyList<Template> For(ProgramKind kind) => kind == ProgramKind.Consulting ? Consulting : Monitoring;

    public static void AddTo(ConsultingProgram program)
    {
        foreach (var t in For(program.Kind))
        {
            program.AddArea(t.Code, t.NameKo, t.NameEn, t.PlannedVisits, t.Topics);
        }
    }
}
