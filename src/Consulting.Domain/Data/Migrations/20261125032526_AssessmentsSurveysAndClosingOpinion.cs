using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consulting.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentsSurveysAndClosingOpinion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "closing_opinion",
                table: "engagements",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "closing_opinion_at_utc",
                table: "engagements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closing_opinion_by_name",
                table: "engagements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assessment_checklists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_checklists", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_checklists_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessment_checklists_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessments_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessments_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessments_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expertise = table.Column<int>(type: "integer", nullable: false),
                    usefulness = table.Column<int>(type: "integer", nullable: false),
                    communication = table.Column<int>(type: "integer", nullable: false),
                    schedule_fit = table.Column<int>(type: "integer", nullable: false),
                    overall = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.CheckConstraint("ck_survey_responses_communication", "communication BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_survey_responses_expertise", "expertise BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_survey_responses_overall", "overall BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_survey_responses_schedule_fit", "schedule_fit BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_survey_responses_usefulness", "usefulness BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_survey_responses_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_responses_consultants_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_responses_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_responses_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_checklists_area_id",
                table: "assessment_checklists",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_checklists_program_id_area_id",
                table: "assessment_checklists",
                columns: new[] { "program_id", "area_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_agency_id",
                table: "assessments",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_area_id",
                table: "assessments",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_engagement_id_phase",
                table: "assessments",
                columns: new[] { "engagement_id", "phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_program_id_area_id_status",
                table: "assessments",
                columns: new[] { "program_id", "area_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_agency_id",
                table: "survey_responses",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_area_id",
                table: "survey_responses",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_consultant_id",
                table: "survey_responses",
                column: "consultant_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_engagement_id",
                table: "survey_responses",
                column: "engagement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_program_id_area_id",
                table: "survey_responses",
                columns: new[] { "program_id", "area_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_checklists");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropColumn(
                name: "closing_opinion",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "closing_opinion_at_utc",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "closing_opinion_by_name",
                table: "engagements");
        }
    }
}
