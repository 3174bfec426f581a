namespace Consulting.Domain.VisitLogs;

/// <summary>
/// The log templates every installation starts with (shipped as data in the migration; officials edit them from
/// there). The four consulting areas share the core sections of a 컨설팅 일지 with prompts of their own; the
/// county's monitoring round writes what was checked and the coaching given.
/// </summary>
public static class DefaultLogTemplates
{
    public static IReadOnlyList<LogTemplate> All { get; } =
    [
        new(Id(1), "organisation", "조직 관리 일지", "Organisation management log", ["organisation"],
        [
            Reviewed("조직도, 직무기술서, 인사규정, 운영 매뉴얼 등 확인한 자료", "Organisation chart, job descriptions, HR rules, operating manual …"),
            Findings("조직 구조·인사 관리·조직문화에서 확인한 현황과 문제점", "What you found in structure, HR and culture, and the problems"),
            Advice("개선 방향과 구체적인 방법", "The direction and the concrete steps advised"),
            Requests(),
        ]),
        new(Id(2), "planning-evaluation", "사업 기획·평가 일지", "Programme planning and evaluation log", ["planning-evaluation"],
        [
            Reviewed("사업계획서, 성과지표, 결과보고서 등 검토한 자료", "Programme plans, indicators, result reports reviewed"),
            Findings("사업 목표·지표·평가 방법의 현황과 문제점", "Goals, indicators and evaluation as they are, and the problems"),
            new("indicators", "성과지표 검토", "Indicators reviewed", "검토한 지표와 수정 제안", "Indicators reviewed and changes proposed", false),
            Advice("사업계획과 결과보고를 잇는 방법 등 자문 내용", "Advice, e.g. linking plans and result reports"),
            Requests(),
        ]),
        new(Id(3), "case-management", "사례 관리 일지", "Case management log", ["case-management"],
        [
            Reviewed("사례관리 매뉴얼, 사례 기록, 회의록 등 확인한 자료", "Case management manual, case records, meeting notes"),
            Findings("사례관리 과정·협업 체계·슈퍼비전의 현황과 문제점", "Process, collaboration and supervision as they are, and the problems"),
            new("case-review", "사례 검토·슈퍼비전", "Case review and supervision", "함께 검토한 사례(개인정보 없이)와 슈퍼비전 내용", "Cases reviewed together (without personal data) and the supervision given", false),
            Advice("개선 방향과 구체적인 방법", "The direction and the concrete steps advised"),
            Requests(),
        ]),
        new(Id(4), "community-organising", "지역사회조직화 일지", "Community organising log", ["community-organising"],
        [
            Reviewed("네트워크 현황, 협약서, 주민 모임 자료 등", "Network map, agreements, residents' meeting records"),
            Findings("지역 네트워크·협력 관계·기관 역할의 현황과 문제점", "Networks, partnerships and the agency's role, and the problems"),
            new("network", "지역 자원·네트워크", "Local resources and networks", "연계할 수 있는 자원과 협력 기관", "Resources and partners that could be linked", false),
            Advice("개선 방향과 구체적인 방법", "The direction and the concrete steps advised"),
            Requests(),
        ]),
        new(Id(5), "monitoring", "모니터링·동료코칭 일지", "Monitoring and peer coaching log",
            ["blind-spot-discovery", "client-management", "closed-case-monitoring", "peer-coaching"],
        [
            new("checked", "점검 내용", "What was checked", "발굴 현황, 대상자 관리 실태, 종결 사례 등 점검한 내용", "Discovery figures, client management, closed cases checked", true),
            Findings("점검에서 확인한 현황과 문제점", "What the check found, and the problems"),
            new("coaching", "코칭 내용", "Coaching given", "대상자 발굴 방법, 초기상담, 절차별 상담기법, 종결자 모니터링 등", "Finding clients, first interviews, counselling by stage, monitoring closed cases …", true),
            new("improvement", "개선과제 제안", "Improvement tasks proposed", "팀이 다음 점검까지 개선할 과제", "What the team should improve before the next check", false),
            Requests(),
        ]),
        new(Id(6), LogTemplate.GeneralCode, "일반 방문 일지", "General visit log", [],
        [
            Reviewed("확인한 자료와 실천", "Documents and practices reviewed"),
            Findings("확인한 현황과 문제점", "What you found, and the problems"),
            Advice("자문 내용", "The advice given"),
            Requests(),
        ]),
    ];

    private static Guid Id(int n) => Guid.Parse($"0193a100-0000-7000-8000-{n:D12}");

    private static LogTemplateSection Reviewed(string promptKo, string promptEn) =>
        new("reviewed", "검토 자료·실천", "What was reviewed", promptKo, promptEn, false);

    private static LogTemplateSection Findings(string promptKo, string promptEn) =>
        new("findings", "현황 및 문제점", "Findings", promptKo, promptEn, true);

    private static LogTemplateSection Advice(string promptKo, string promptEn) =>
        new("advice", "자문 내용", "Advice given", promptKo, promptEn, true);

    private static LogTemplateSection Requests() =>
        new("requests", "기관 요청사항", "The agency's requests", "기관이 요청하거나 문의한 내용", "What the agency asked for", false);
}
