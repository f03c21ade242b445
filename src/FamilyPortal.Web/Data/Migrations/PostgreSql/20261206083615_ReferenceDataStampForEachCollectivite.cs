using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Every collectivité made before reference data stamps gets its row, so that staff saves only ever update
    /// it (the interceptor makes the row of a new collectivité in the same save).
    /// </summary>
    public partial class ReferenceDataStampForEachCollectivite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quoted identifiers as all three providers read them.
            migrationBuilder.Sql("""
                INSERT INTO "ReferenceDataStamps" ("MunicipalityId", "Version")
                SELECT "Id", 1 FROM "Municipalities"
                WHERE "Id" NOT IN (SELECT "MunicipalityId" FROM "ReferenceDataStamps")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
