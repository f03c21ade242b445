using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DirectDebit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreditorBic",
                table: "Municipalities",
                type: "nvarchar(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditorIban",
                table: "Municipalities",
                type: "nvarchar(34)",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditorIdentifier",
                table: "Municipalities",
                type: "nvarchar(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DebitBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    CollectionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TransactionCount = table.Column<int>(type: "int", nullable: false),
                    Total = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    SealedFile = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    FileSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebitBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebitBatches_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DebitMandates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    FamilyId = table.Column<int>(type: "int", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: false),
                    AccountHolder = table.Column<string>(type: "nvarchar(70)", maxLength: 70, nullable: false),
                    SealedIban = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    MaskedIban = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Bic = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    CreatedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FirstDebitDone = table.Column<bool>(type: "bit", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebitMandates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebitMandates_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DebitMandates_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DebitBatchLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    DebitBatchId = table.Column<int>(type: "int", nullable: false),
                    InvoiceId = table.Column<int>(type: "int", nullable: false),
                    MandateId = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Sequence = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    RejectReason = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    RejectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebitBatchLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebitBatchLines_DebitBatches_DebitBatchId",
                        column: x => x.DebitBatchId,
                        principalTable: "DebitBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DebitBatchLines_DebitMandates_MandateId",
                        column: x => x.MandateId,
                        principalTable: "DebitMandates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DebitBatchLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DebitBatchLines_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatches_MunicipalityId_MessageId",
                table: "DebitBatches",
                columns: new[] { "MunicipalityId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatches_MunicipalityId_Month",
                table: "DebitBatches",
                columns: new[] { "MunicipalityId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatchLines_DebitBatchId",
                table: "DebitBatchLines",
                column: "DebitBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatchLines_InvoiceId",
                table: "DebitBatchLines",
                column: "InvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatchLines_MandateId",
                table: "DebitBatchLines",
                column: "MandateId");

            migrationBuilder.CreateIndex(
                name: "IX_DebitBatchLines_MunicipalityId",
                table: "DebitBatchLines",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DebitMandates_FamilyId",
                table: "DebitMandates",
                column: "FamilyId",
                unique: true,
                filter: "[Status] = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_DebitMandates_MunicipalityId_Reference",
                table: "DebitMandates",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DebitBatchLines");

            migrationBuilder.DropTable(
                name: "DebitBatches");

            migrationBuilder.DropTable(
                name: "DebitMandates");

            migrationBuilder.DropColumn(
                name: "CreditorBic",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "CreditorIban",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "CreditorIdentifier",
                table: "Municipalities");
        }
    }
}
