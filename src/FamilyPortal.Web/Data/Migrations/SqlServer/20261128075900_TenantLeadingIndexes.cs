using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TenantLeadingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_MunicipalityId",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_MunicipalityId",
                table: "Bookings");

            migrationBuilder.DropIndex(
                name: "IX_ActivityDayLoads_MunicipalityId",
                table: "ActivityDayLoads");

            migrationBuilder.CreateIndex(
                name: "IX_Children_MunicipalityId_FamilyId",
                table: "Children",
                columns: new[] { "MunicipalityId", "FamilyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_ChildId_Date",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDayLoads_MunicipalityId_ActivityId_Date",
                table: "ActivityDayLoads",
                columns: new[] { "MunicipalityId", "ActivityId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_MunicipalityId_FamilyId",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_MunicipalityId_ChildId_Date",
                table: "Bookings");

            migrationBuilder.DropIndex(
                name: "IX_ActivityDayLoads_MunicipalityId_ActivityId_Date",
                table: "ActivityDayLoads");

            migrationBuilder.CreateIndex(
                name: "IX_Children_MunicipalityId",
                table: "Children",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId",
                table: "Bookings",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDayLoads_MunicipalityId",
                table: "ActivityDayLoads",
                column: "MunicipalityId");
        }
    }
}
