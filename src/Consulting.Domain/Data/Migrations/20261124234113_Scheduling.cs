using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consulting.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_engagements_asp_net_users_consultant_id",
                table: "engagements");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.AddColumn<string>(
                name: "calendar_token",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "consultants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    affiliation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    expertise = table.Column<List<string>>(type: "text[]", nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    max_visits_per_week = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultants", x => x.id);
                    table.CheckConstraint("ck_consultants_max_visits_per_week", "max_visits_per_week BETWEEN 1 AND 20");
                    table.ForeignKey(
                        name: "fk_consultants_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultant_unavailability",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultant_unavailability", x => x.id);
                    table.CheckConstraint("ck_consultant_unavailability_range", "\"end\" >= start");
                    table.ForeignKey(
                        name: "fk_consultant_unavailability_consultants_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "engagement_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    previous_consultant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_engagement_assignments_consultants_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagement_assignments_consultants_previous_consultant_id",
                        column: x => x.previous_consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagement_assignments_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    number = table.Column<int>(type: "integer", nullable: false),
                    starts_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    change_request = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    change_requested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.CheckConstraint("ck_visits_number", "number >= 1");
                    table.CheckConstraint("ck_visits_time", "ends_at_utc > starts_at_utc");
                    table.ForeignKey(
                        name: "fk_visits_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_consultants_consultant_id",
                        column: x => x.consultant_id,
                        principalTable: "consultants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_visits_program_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "program_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    overridden_warnings = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    old_starts_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    old_ends_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    new_starts_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    new_ends_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    old_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    new_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_changes_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_calendar_token",
                table: "users",
                column: "calendar_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultant_unavailability_consultant_id_start",
                table: "consultant_unavailability",
                columns: new[] { "consultant_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_consultants_name",
                table: "consultants",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_consultants_user_id",
                table: "consultants",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_engagement_assignments_consultant_id",
                table: "engagement_assignments",
                column: "consultant_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_assignments_engagement_id_at_utc",
                table: "engagement_assignments",
                columns: new[] { "engagement_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_assignments_previous_consultant_id",
                table: "engagement_assignments",
                column: "previous_consultant_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_changes_visit_id_at_utc",
                table: "visit_changes",
                columns: new[] { "visit_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_agency_id_starts_at_utc",
                table: "visits",
                columns: new[] { "agency_id", "starts_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_area_id",
                table: "visits",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_consultant_id_starts_at_utc",
                table: "visits",
                columns: new[] { "consultant_id", "starts_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_engagement_id_number",
                table: "visits",
                columns: new[] { "engagement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visits_program_id_starts_at_utc",
                table: "visits",
                columns: new[] { "program_id", "starts_at_utc" });

            migrationBuilder.AddForeignKey(
                name: "fk_engagements_consultants_consultant_id",
                table: "engagements",
                column: "consultant_id",
                principalTable: "consultants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The clash rules, in the database so that two people saving at the same moment cannot both win: a
            // consultant is never in two visits at once, an agency never hosts two. Half-open ranges, so one visit may
            // start when the other ends; cancelled and postponed visits hold no slot.
            migrationBuilder.Sql("""
                ALTER TABLE visits ADD CONSTRAINT ex_visits_consultant_overlap
                    EXCLUDE USING gist (consultant_id WITH =, tstzrange(starts_at_utc, ends_at_utc, '[)') WITH &&)
                    WHERE (consultant_id IS NOT NULL AND status IN ('Planned', 'Confirmed', 'Completed'));
                ALTER TABLE visits ADD CONSTRAINT ex_visits_agency_overlap
                    EXCLUDE USING gist (agency_id WITH =, tstzrange(starts_at_utc, ends_at_utc, '[)') WITH &&)
                    WHERE (status IN ('Planned', 'Confirmed', 'Completed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE visits DROP CONSTRAINT IF EXISTS ex_visits_consultant_overlap; ALTER TABLE visits DROP CONSTRAINT IF EXISTS ex_visits_agency_overlap;");

            migrationBuilder.DropForeignKey(
                name: "fk_engagements_consultants_consultant_id",
                table: "engagements");

            migrationBuilder.DropTable(
                name: "consultant_unavailability");

            migrationBuilder.DropTable(
                name: "engagement_assignments");

            migrationBuilder.DropTable(
                name: "visit_changes");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "consultants");

            migrationBuilder.DropIndex(
                name: "ix_users_calendar_token",
                table: "users");

            migrationBuilder.DropColumn(
                name: "calendar_token",
                table: "users");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.AddForeignKey(
                name: "fk_engagements_asp_net_users_consultant_id",
                table: "engagements",
                column: "consultant_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
