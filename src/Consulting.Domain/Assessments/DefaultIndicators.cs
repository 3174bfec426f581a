namespace Consulting.Domain.Assessments;

/// <summary>
/// The indicators a programme's checklist starts from, per area code (../shared/domain.md). Officials edit them per
/// programme before the first assessment is handed in. Levels 1, 3 and 5 are described per indicator; 2 and 4 lie between.
/// </summary>
public static class DefaultIndicators
{
    private const string Level2 = "일부 갖추었으나 체계적으로 운영되지 않음";
    private const string Level4 = "대부분 갖추고 정기적으로 점검함";

    private static readonly Dictionary<string, Indicator[]> ByArea = new(StringComparer.Ordinal)
    {
        ["organisation"] =
        [
            Make("org-structure", "조직 구조와 업무 분장이 명확하다", "Clear structure and division of work",
                "업무 분장 문서가 없음", "문서는 있으나 실제와 다름", "문서화되어 있고 매년 갱신함"),
            Make("org-hr", "인사 관리(채용·평가·교육) 체계가 있다", "A personnel system (hiring, appraisal, training)",
                "인사 규정이 없음", "규정은 있으나 일부만 적용", "규정대로 운영하고 결과를 환류함"),
            Make("org-culture", "소통과 조직문화 개선 노력이 있다", "Communication and work culture are cared for",
                "정기적인 소통 구조가 없음", "회의는 있으나 형식적임", "소통 구조가 정례화되어 개선이 이어짐"),
            Make("org-manual", "기관 운영 매뉴얼을 갖추고 쓴다", "An operating manual in use",
                "매뉴얼이 없음", "매뉴얼은 있으나 활용하지 않음", "매뉴얼을 업무에 쓰고 정기 개정함"),
        ],
        ["planning-evaluation"] =
        [
            Make("plan-needs", "욕구 조사에 근거해 사업을 기획한다", "Programmes are planned from a needs assessment",
                "근거 없이 관행대로 기획함", "일부 사업만 근거가 있음", "모든 주요 사업이 욕구 조사에 근거함"),
            Make("plan-goals", "사업 목표와 성과 지표가 측정 가능하다", "Goals and outcome indicators can be measured",
                "목표가 추상적임", "일부 지표만 측정 가능함", "모든 목표에 측정 지표와 기준값이 있음"),
            Make("plan-evaluation", "성과평가 계획과 도구가 있다", "An evaluation plan and tools",
                "평가를 하지 않음", "만족도 조사 위주로 평가함", "성과평가 계획에 따라 도구를 써서 평가함"),
            Make("plan-link", "사업계획과 결과보고가 연결된다", "Plans and result reports are linked",
                "계획과 보고가 따로 작성됨", "일부 항목만 연결됨", "계획의 목표별로 결과를 보고하고 다음 계획에 반영함"),
        ],
        ["case-management"] =
        [
            Make("case-manual", "사례관리 매뉴얼과 절차가 있다", "A case-management manual and procedure",
                "매뉴얼이 없음", "매뉴얼은 있으나 절차가 지켜지지 않음", "절차별 서식과 기준을 지켜 운영함"),
            Make("case-assessment", "초기상담과 사정이 체계적이다", "Intake and assessment are systematic",
                "사정 도구 없이 상담함", "도구는 있으나 일부만 씀", "표준 사정 도구로 욕구와 강점을 사정함"),
            Make("case-collaboration", "지역 자원과 협업 체계가 있다", "Collaboration with local resources",
                "협업 기관이 없음", "필요할 때만 연계함", "정례 사례회의와 협약으로 협업함"),
            Make("case-supervision", "슈퍼비전 체계가 있다", "Supervision is in place",
                "슈퍼비전이 없음", "비정기적으로 받음", "정기 슈퍼비전을 받고 기록함"),
        ],
        ["community-organising"] =
        [
            Make("community-network", "지역 네트워크를 구축하고 참여한다", "Local networks are built and joined",
                "참여하는 네트워크가 없음", "형식적으로 참여함", "네트워크를 주도하고 공동 사업을 함"),
            Make("community-partners", "협력 관계를 분석하고 관리한다", "Partnerships are analysed and managed",
                "협력 기관 현황을 모름", "목록만 있음", "관계를 분석해 전략적으로 관리함"),
            Make("community-residents", "주민 참여와 조직화 활동이 있다", "Residents take part and organise",
                "주민 참여 활동이 없음", "행사 참여 수준임", "주민 모임이 스스로 활동을 이어감"),
            Make("community-role", "지역사회 내 기관의 역할이 분명하다", "The agency's role in the community is clear",
                "역할을 정의하지 않음", "내부적으로만 공유함", "지역과 합의한 역할을 사업에 반영함"),
        ],
        ["blind-spot-discovery"] =
        [
            Make("discovery-routes", "발굴 경로가 다양하다 (인적 안전망, 빅데이터, 방문)", "Varied routes to find people in need",
                "신청에 의존함", "두세 경로만 씀", "인적 안전망과 자료를 함께 써서 발굴함"),
            Make("discovery-results", "발굴 실적을 관리하고 연계한다", "Findings are recorded and followed up",
                "실적을 기록하지 않음", "기록은 하나 연계가 늦음", "발굴 즉시 기록하고 서비스로 연계함"),
            Make("discovery-sharing", "전년도 추진 실적을 공유하고 반영한다", "Last year's results are shared and used",
                "공유하지 않음", "팀 안에서만 공유함", "군과 공유하고 올해 계획에 반영함"),
        ],
        ["client-management"] =
        [
            Make("client-records", "대상자 관리 기록이 충실하다", "Client records are complete",
                "기록이 누락됨", "일부 누락이 있음", "모든 대상자의 기록이 최신임"),
            Make("client-intake", "초기상담이 기준대로 이루어진다", "Intake follows the standard",
                "기준 없이 상담함", "기준을 일부 지킴", "기준과 서식대로 상담하고 기록함"),
            Make("client-plan", "대상자별 서비스 계획과 점검이 있다", "Each client has a plan that is reviewed",
                "계획이 없음", "계획은 있으나 점검하지 않음", "계획을 정기적으로 점검하고 수정함"),
        ],
        ["closed-case-monitoring"] =
        [
            Make("closed-criteria", "종결 기준을 지킨다", "Closure criteria are kept",
                "기준 없이 종결함", "기준을 일부 지킴", "기준에 따라 종결 회의를 거쳐 종결함"),
            Make("closed-follow-up", "종결자 사후관리를 한다", "Closed cases are followed up",
                "사후관리가 없음", "일부만 연락함", "정해진 주기로 사후관리하고 기록함"),
            Make("closed-reopen", "재의뢰 사례를 점검한다", "Re-referred cases are reviewed",
                "재의뢰를 파악하지 않음", "파악만 함", "원인을 분석해 절차를 개선함"),
        ],
        ["peer-coaching"] =
        [
            Make("coaching-participation", "동료멘토링에 참여한다", "The team takes part in peer coaching",
                "참여하지 않음", "요청이 있을 때만 참여함", "정기적으로 참여하고 주제를 제안함"),
            Make("coaching-application", "코칭 내용을 업무에 적용한다", "Coaching is applied in daily work",
                "적용하지 않음", "일부 적용함", "적용 결과를 다음 코칭에서 나눔"),
            Make("coaching-complex", "복합 사례를 함께 논의한다", "Complex cases are discussed together",
                "혼자 처리함", "필요할 때만 논의함", "정례 사례회의로 함께 논의함"),
        ],
    };

    /// <summary>The indicators for an area with <paramref name="areaCode"/>; an area the defaults do not know gets a general set.</summary>
    public static IReadOnlyList<Indicator> For(string areaCode) => ByArea.TryGetValue(areaCode, out var set) ? set : General;

    private static readonly Indicator[] General =
    [
        Make("general-system", "분야의 업무 체계가 갖추어져 있다", "The area's work is organised",
            "체계가 없음", "일부 갖춤", "체계대로 운영하고 점검함"),
        Make("general-records", "기록과 근거가 관리된다", "Records and evidence are kept",
            "기록이 없음", "일부 기록함", "빠짐없이 기록하고 활용함"),
        Make("general-improvement", "개선 활동이 이어진다", "Improvement continues",
            "개선 활동이 없음", "일회성으로 함", "정기적으로 개선하고 결과를 공유함"),
    ];

    private static Indicator Make(string code, string ko, string en, string level1, string level3, string level5) =>
        new(code, ko, en, [level1, Level2, level3, Level4, level5]);
}
