using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddMunicipalityCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every collectivité created before keeps the metropolitan public holidays it had.
            migrationBuilder.AddColumn<string>(
                name: "Holidays",
                table: "Municipalities",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Metropole");

            migrationBuilder.AddColumn<string>(
                name: "SchoolZone",
                table: "Municipalities",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Holidays",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "SchoolZone",
                table: "Municipalities");
        }
    }
}
