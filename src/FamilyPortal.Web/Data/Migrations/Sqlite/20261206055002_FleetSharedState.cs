using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FleetSharedState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateLimitCounters",
                columns: table => new
                {
                    Policy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartitionHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitCounters", x => new { x.Policy, x.PartitionHash, x.WindowStart });
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataStamps",
                columns: table => new
                {
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataStamps", x => x.MunicipalityId);
                    table.ForeignKey(
                        name: "FK_ReferenceDataStamps_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitCounters_WindowEnd",
                table: "RateLimitCounters",
                column: "WindowEnd");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateLimitCounters");

            migrationBuilder.DropTable(
                name: "ReferenceDataStamps");
        }
    }
}
