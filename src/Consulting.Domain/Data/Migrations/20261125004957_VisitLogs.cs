using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Consulting.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.CheckConstraint("ck_attachments_size", "size_bytes > 0");
                    table.ForeignKey(
                        name: "fk_attachments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "log_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name_ko = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    area_codes = table.Column<string>(type: "jsonb", nullable: false),
                    sections = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visit_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actual_starts_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    actual_ends_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attendees = table.Column<string>(type: "jsonb", nullable: false),
                    topics = table.Column<string>(type: "jsonb", nullable: false),
                    sections = table.Column<string>(type: "jsonb", nullable: false),
                    next_steps = table.Column<string>(type: "jsonb", nullable: false),
                    agenda = table.Column<string>(type: "jsonb", nullable: false),
                    private_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    return_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    approved_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_logs", x => x.id);
                    table.CheckConstraint("ck_visit_logs_time", "actual_ends_at_utc IS NULL OR actual_starts_at_utc IS NULL OR actual_ends_at_utc > actual_starts_at_utc");
                    table.ForeignKey(
                        name: "fk_visit_logs_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_logs_consultants_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_logs_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_logs_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_logs_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visit_logs_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachment_contents", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_attachment_contents_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_log_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    evidence_expected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendations_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendations_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendations_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendations_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recommendations_visit_logs_visit_log_id",
                        column: x => x.visit_log_id,
                        principalTable: "visit_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visit_log_amendments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    log_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    section_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_log_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_log_amendments_visit_logs_log_id",
                        column: x => x.log_id,
                        principalTable: "visit_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_log_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    log_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_log_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_log_events_visit_logs_log_id",
                        column: x => x.log_id,
                        principalTable: "visit_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Attachments are mostly compressed already (images, PDF, OOXML): store them out of line without trying again.
            migrationBuilder.Sql("ALTER TABLE attachment_contents ALTER COLUMN content SET STORAGE EXTERNAL;");

            migrationBuilder.InsertData(
                table: "log_templates",
                columns: new[] { "id", "area_codes", "code", "name_en", "name_ko", "sections", "updated_at_utc", "updated_by_name" },
                values: new object[,]
                {
                    { new Guid("0193a100-0000-7000-8000-000000000001"), "[\"organisation\"]", "organisation", "Organisation management log", "조직 관리 일지", "[{\"key\":\"reviewed\",\"titleKo\":\"검토 자료·실천\",\"titleEn\":\"What was reviewed\",\"promptKo\":\"조직도, 직무기술서, 인사규정, 운영 매뉴얼 등 확인한 자료\",\"promptEn\":\"Organisation chart, job descriptions, HR rules, operating manual …\",\"required\":false},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"조직 구조·인사 관리·조직문화에서 확인한 현황과 문제점\",\"promptEn\":\"What you found in structure, HR and culture, and the problems\",\"required\":true},{\"key\":\"advice\",\"titleKo\":\"자문 내용\",\"titleEn\":\"Advice given\",\"promptKo\":\"개선 방향과 구체적인 방법\",\"promptEn\":\"The direction and the concrete steps advised\",\"required\":true},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null },
                    { new Guid("0193a100-0000-7000-8000-000000000002"), "[\"planning-evaluation\"]", "planning-evaluation", "Programme planning and evaluation log", "사업 기획·평가 일지", "[{\"key\":\"reviewed\",\"titleKo\":\"검토 자료·실천\",\"titleEn\":\"What was reviewed\",\"promptKo\":\"사업계획서, 성과지표, 결과보고서 등 검토한 자료\",\"promptEn\":\"Programme plans, indicators, result reports reviewed\",\"required\":false},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"사업 목표·지표·평가 방법의 현황과 문제점\",\"promptEn\":\"Goals, indicators and evaluation as they are, and the problems\",\"required\":true},{\"key\":\"indicators\",\"titleKo\":\"성과지표 검토\",\"titleEn\":\"Indicators reviewed\",\"promptKo\":\"검토한 지표와 수정 제안\",\"promptEn\":\"Indicators reviewed and changes proposed\",\"required\":false},{\"key\":\"advice\",\"titleKo\":\"자문 내용\",\"titleEn\":\"Advice given\",\"promptKo\":\"사업계획과 결과보고를 잇는 방법 등 자문 내용\",\"promptEn\":\"Advice, e.g. linking plans and result reports\",\"required\":true},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null },
                    { new Guid("0193a100-0000-7000-8000-000000000003"), "[\"case-management\"]", "case-management", "Case management log", "사례 관리 일지", "[{\"key\":\"reviewed\",\"titleKo\":\"검토 자료·실천\",\"titleEn\":\"What was reviewed\",\"promptKo\":\"사례관리 매뉴얼, 사례 기록, 회의록 등 확인한 자료\",\"promptEn\":\"Case management manual, case records, meeting notes\",\"required\":false},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"사례관리 과정·협업 체계·슈퍼비전의 현황과 문제점\",\"promptEn\":\"Process, collaboration and supervision as they are, and the problems\",\"required\":true},{\"key\":\"case-review\",\"titleKo\":\"사례 검토·슈퍼비전\",\"titleEn\":\"Case review and supervision\",\"promptKo\":\"함께 검토한 사례(개인정보 없이)와 슈퍼비전 내용\",\"promptEn\":\"Cases reviewed together (without personal data) and the supervision given\",\"required\":false},{\"key\":\"advice\",\"titleKo\":\"자문 내용\",\"titleEn\":\"Advice given\",\"promptKo\":\"개선 방향과 구체적인 방법\",\"promptEn\":\"The direction and the concrete steps advised\",\"required\":true},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null },
                    { new Guid("0193a100-0000-7000-8000-000000000004"), "[\"community-organising\"]", "community-organising", "Community organising log", "지역사회조직화 일지", "[{\"key\":\"reviewed\",\"titleKo\":\"검토 자료·실천\",\"titleEn\":\"What was reviewed\",\"promptKo\":\"네트워크 현황, 협약서, 주민 모임 자료 등\",\"promptEn\":\"Network map, agreements, residents\\u0027 meeting records\",\"required\":false},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"지역 네트워크·협력 관계·기관 역할의 현황과 문제점\",\"promptEn\":\"Networks, partnerships and the agency\\u0027s role, and the problems\",\"required\":true},{\"key\":\"network\",\"titleKo\":\"지역 자원·네트워크\",\"titleEn\":\"Local resources and networks\",\"promptKo\":\"연계할 수 있는 자원과 협력 기관\",\"promptEn\":\"Resources and partners that could be linked\",\"required\":false},{\"key\":\"advice\",\"titleKo\":\"자문 내용\",\"titleEn\":\"Advice given\",\"promptKo\":\"개선 방향과 구체적인 방법\",\"promptEn\":\"The direction and the concrete steps advised\",\"required\":true},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null },
                    { new Guid("0193a100-0000-7000-8000-000000000005"), "[\"blind-spot-discovery\",\"client-management\",\"closed-case-monitoring\",\"peer-coaching\"]", "monitoring", "Monitoring and peer coaching log", "모니터링·동료코칭 일지", "[{\"key\":\"checked\",\"titleKo\":\"점검 내용\",\"titleEn\":\"What was checked\",\"promptKo\":\"발굴 현황, 대상자 관리 실태, 종결 사례 등 점검한 내용\",\"promptEn\":\"Discovery figures, client management, closed cases checked\",\"required\":true},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"점검에서 확인한 현황과 문제점\",\"promptEn\":\"What the check found, and the problems\",\"required\":true},{\"key\":\"coaching\",\"titleKo\":\"코칭 내용\",\"titleEn\":\"Coaching given\",\"promptKo\":\"대상자 발굴 방법, 초기상담, 절차별 상담기법, 종결자 모니터링 등\",\"promptEn\":\"Finding clients, first interviews, counselling by stage, monitoring closed cases …\",\"required\":true},{\"key\":\"improvement\",\"titleKo\":\"개선과제 제안\",\"titleEn\":\"Improvement tasks proposed\",\"promptKo\":\"팀이 다음 점검까지 개선할 과제\",\"promptEn\":\"What the team should improve before the next check\",\"required\":false},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null },
                    { new Guid("0193a100-0000-7000-8000-000000000006"), "[]", "general", "General visit log", "일반 방문 일지", "[{\"key\":\"reviewed\",\"titleKo\":\"검토 자료·실천\",\"titleEn\":\"What was reviewed\",\"promptKo\":\"확인한 자료와 실천\",\"promptEn\":\"Documents and practices reviewed\",\"required\":false},{\"key\":\"findings\",\"titleKo\":\"현황 및 문제점\",\"titleEn\":\"Findings\",\"promptKo\":\"확인한 현황과 문제점\",\"promptEn\":\"What you found, and the problems\",\"required\":true},{\"key\":\"advice\",\"titleKo\":\"자문 내용\",\"titleEn\":\"Advice given\",\"promptKo\":\"자문 내용\",\"promptEn\":\"The advice given\",\"required\":true},{\"key\":\"requests\",\"titleKo\":\"기관 요청사항\",\"titleEn\":\"The agency\\u0027s requests\",\"promptKo\":\"기관이 요청하거나 문의한 내용\",\"promptEn\":\"What the agency asked for\",\"required\":false}]", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_agency_id",
                table: "attachments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_owner_kind_owner_id",
                table: "attachments",
                columns: new[] { "owner_kind", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_log_templates_code",
                table: "log_templates",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_agency_id_due_date",
                table: "recommendations",
                columns: new[] { "agency_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_area_id",
                table: "recommendations",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_engagement_id_status",
                table: "recommendations",
                columns: new[] { "engagement_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_program_id_status_area_id",
                table: "recommendations",
                columns: new[] { "program_id", "status", "area_id" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_visit_log_id",
                table: "recommendations",
                column: "visit_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_log_amendments_log_id_number",
                table: "visit_log_amendments",
                columns: new[] { "log_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visit_log_events_log_id_at_utc",
                table: "visit_log_events",
                columns: new[] { "log_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_agency_id_status",
                table: "visit_logs",
                columns: new[] { "agency_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_area_id",
                table: "visit_logs",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_consultant_id",
                table: "visit_logs",
                column: "consultant_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_engagement_id",
                table: "visit_logs",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_program_id",
                table: "visit_logs",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_status_submitted_at_utc",
                table: "visit_logs",
                columns: new[] { "status", "submitted_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_logs_visit_id",
                table: "visit_logs",
                column: "visit_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "log_templates");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "visit_log_amendments");

            migrationBuilder.DropTable(
                name: "visit_log_events");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "visit_logs");
        }
    }
}
