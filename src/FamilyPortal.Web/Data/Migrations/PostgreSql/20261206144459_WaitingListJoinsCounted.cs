using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WaitingListJoinsCounted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WaitingCount",
                table: "BasketValidations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(WaitingCountRepair.Sql("LENGTH"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingCount",
                table: "BasketValidations");
        }
    }
}
