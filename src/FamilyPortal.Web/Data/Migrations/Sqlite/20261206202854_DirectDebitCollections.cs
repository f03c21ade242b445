using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectDebitCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaymentId",
                table: "DebitBatchLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatchLines_PaymentId",
                table: "DebitBatchLines",
                column: "PaymentId");

            migrationBuilder.AddForeignKey(
                name: "FK_DebitBatchLines_Payments_PaymentId",
                table: "DebitBatchLines",
                column: "PaymentId",
                principalTable: "Payments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DebitBatchLines_Payments_PaymentId",
                table: "DebitBatchLines");

            migrationBuilder.DropIndex(
                name: "IX_DebitBatchLines_PaymentId",
                table: "DebitBatchLines");

            migrationBuilder.DropColumn(
                name: "PaymentId",
                table: "DebitBatchLines");
        }
    }
}
