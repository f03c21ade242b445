using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(WaitingCountRepair.Sql("LEN", unicode: "N"));
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
