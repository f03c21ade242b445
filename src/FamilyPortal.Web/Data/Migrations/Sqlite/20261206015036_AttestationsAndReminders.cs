using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttestationsAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCatering",
                table: "ServiceKinds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Services already named as catering are catering: their activities must never be eligible to the tax credit.
            migrationBuilder.Sql("UPDATE ServiceKinds SET IsCatering = 1 WHERE LOWER(Name) LIKE '%restauration%' OR LOWER(Name) LIKE '%cantine%' OR LOWER(Name) LIKE '%repas%'");

            migrationBuilder.AddColumn<int>(
                name: "FirstReminderDays",
                table: "Municipalities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderText",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindersEnabled",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SecondReminderDays",
                table: "Municipalities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatoryName",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatoryTitle",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ThirdReminderDays",
                table: "Municipalities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TaxCreditEligible",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Attestations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    FamilyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ChildName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HouseholdName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Parents = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MunicipalityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MunicipalityAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attestations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attestations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attestations_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attestations_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Remaining = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceReminders_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvoiceReminders_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttestationLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    AttestationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Dates = table.Column<string>(type: "TEXT", maxLength: 4500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttestationLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttestationLines_Attestations_AttestationId",
                        column: x => x.AttestationId,
                        principalTable: "Attestations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttestationLines_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttestationLines_AttestationId",
                table: "AttestationLines",
                column: "AttestationId");

            migrationBuilder.CreateIndex(
                name: "IX_AttestationLines_MunicipalityId_AttestationId",
                table: "AttestationLines",
                columns: new[] { "MunicipalityId", "AttestationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_ChildId",
                table: "Attestations",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_FamilyId",
                table: "Attestations",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_MunicipalityId_ChildId_Kind_PeriodStart_PeriodEnd",
                table: "Attestations",
                columns: new[] { "MunicipalityId", "ChildId", "Kind", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_MunicipalityId_FamilyId",
                table: "Attestations",
                columns: new[] { "MunicipalityId", "FamilyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attestations_MunicipalityId_Year_Sequence",
                table: "Attestations",
                columns: new[] { "MunicipalityId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceReminders_InvoiceId",
                table: "InvoiceReminders",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceReminders_MunicipalityId_InvoiceId_Level",
                table: "InvoiceReminders",
                columns: new[] { "MunicipalityId", "InvoiceId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttestationLines");

            migrationBuilder.DropTable(
                name: "InvoiceReminders");

            migrationBuilder.DropTable(
                name: "Attestations");

            migrationBuilder.DropColumn(
                name: "IsCatering",
                table: "ServiceKinds");

            migrationBuilder.DropColumn(
                name: "FirstReminderDays",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "ReminderText",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "RemindersEnabled",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "SecondReminderDays",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "SignatoryName",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "SignatoryTitle",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "ThirdReminderDays",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TaxCreditEligible",
                table: "Activities");
        }
    }
}
