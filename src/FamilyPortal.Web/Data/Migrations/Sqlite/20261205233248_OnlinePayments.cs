using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnlinePayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayFipClientNumber",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayFipMode",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Test");

            migrationBuilder.AddColumn<bool>(
                name: "PayFipSeveralInvoices",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OnlinePayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    FamilyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OperationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClientNumber = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransactionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CheckReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlinePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlinePayments_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlinePayments_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OnlinePaymentInvoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlinePaymentId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlinePaymentInvoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlinePaymentInvoices_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlinePaymentInvoices_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlinePaymentInvoices_OnlinePayments_OnlinePaymentId",
                        column: x => x.OnlinePaymentId,
                        principalTable: "OnlinePayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePaymentInvoices_InvoiceId",
                table: "OnlinePaymentInvoices",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePaymentInvoices_MunicipalityId_InvoiceId",
                table: "OnlinePaymentInvoices",
                columns: new[] { "MunicipalityId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePaymentInvoices_OnlinePaymentId",
                table: "OnlinePaymentInvoices",
                column: "OnlinePaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_FamilyId",
                table: "OnlinePayments",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_MunicipalityId_Status",
                table: "OnlinePayments",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_Provider_OperationId",
                table: "OnlinePayments",
                columns: new[] { "Provider", "OperationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnlinePaymentInvoices");

            migrationBuilder.DropTable(
                name: "OnlinePayments");

            migrationBuilder.DropColumn(
                name: "PayFipClientNumber",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "PayFipMode",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "PayFipSeveralInvoices",
                table: "Municipalities");
        }
    }
}
