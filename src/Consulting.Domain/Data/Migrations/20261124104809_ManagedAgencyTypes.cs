using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consulting.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ManagedAgencyTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "agency_types",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_agency_types_name_ko",
                table: "agency_types",
                column: "name_ko",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agency_types_name_ko",
                table: "agency_types");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "agency_types");
        }
    }
}
