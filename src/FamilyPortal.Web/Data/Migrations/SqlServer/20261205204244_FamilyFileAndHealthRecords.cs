using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FamilyFileAndHealthRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FileUpdateRequired",
                table: "SchoolYears",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ContactChangesApplyAtOnce",
                table: "Municipalities",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "LeaveAloneMinimumAge",
                table: "Municipalities",
                type: "int",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<string>(
                name: "AddressLine",
                table: "Families",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllowanceBody",
                table: "Families",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllowanceNumber",
                table: "Families",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Families",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Families",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Situation",
                table: "Families",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    FamilyId = table.Column<int>(type: "int", nullable: false),
                    ChildId = table.Column<int>(type: "int", nullable: true),
                    Section = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FieldsSummary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Values = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SealedValues = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DecidedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    FamilyId = table.Column<int>(type: "int", nullable: false),
                    FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Relationship = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsEmergencyContact = table.Column<bool>(type: "bit", nullable: false),
                    IsAuthorisedPickup = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyContacts_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FamilyContacts_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyFileConfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    FamilyId = table.Column<int>(type: "int", nullable: false),
                    SchoolYearId = table.Column<int>(type: "int", nullable: false),
                    AccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyFileConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyFileConfirmations_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FamilyFileConfirmations_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyFileConfirmations_SchoolYears_SchoolYearId",
                        column: x => x.SchoolYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    ChildId = table.Column<int>(type: "int", nullable: false),
                    SealedSheet = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    HasPai = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyContactChildren",
                columns: table => new
                {
                    FamilyContactId = table.Column<int>(type: "int", nullable: false),
                    ChildId = table.Column<int>(type: "int", nullable: false),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyContactChildren", x => new { x.FamilyContactId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_FamilyContactChildren_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FamilyContactChildren_FamilyContacts_FamilyContactId",
                        column: x => x.FamilyContactId,
                        principalTable: "FamilyContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FamilyContactChildren_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_ChildId",
                table: "ChangeRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_FamilyId_Status",
                table: "ChangeRequests",
                columns: new[] { "FamilyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_MunicipalityId_Status_RequestedAtUtc",
                table: "ChangeRequests",
                columns: new[] { "MunicipalityId", "Status", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContactChildren_ChildId",
                table: "FamilyContactChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContactChildren_MunicipalityId",
                table: "FamilyContactChildren",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContacts_FamilyId_LastName_FirstName",
                table: "FamilyContacts",
                columns: new[] { "FamilyId", "LastName", "FirstName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContacts_MunicipalityId_FamilyId",
                table: "FamilyContacts",
                columns: new[] { "MunicipalityId", "FamilyId" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyFileConfirmations_FamilyId_SchoolYearId",
                table: "FamilyFileConfirmations",
                columns: new[] { "FamilyId", "SchoolYearId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyFileConfirmations_MunicipalityId",
                table: "FamilyFileConfirmations",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyFileConfirmations_SchoolYearId",
                table: "FamilyFileConfirmations",
                column: "SchoolYearId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_ChildId",
                table: "HealthRecords",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_MunicipalityId_HasPai",
                table: "HealthRecords",
                columns: new[] { "MunicipalityId", "HasPai" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeRequests");

            migrationBuilder.DropTable(
                name: "FamilyContactChildren");

            migrationBuilder.DropTable(
                name: "FamilyFileConfirmations");

            migrationBuilder.DropTable(
                name: "HealthRecords");

            migrationBuilder.DropTable(
                name: "FamilyContacts");

            migrationBuilder.DropColumn(
                name: "FileUpdateRequired",
                table: "SchoolYears");

            migrationBuilder.DropColumn(
                name: "ContactChangesApplyAtOnce",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LeaveAloneMinimumAge",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "AddressLine",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "AllowanceBody",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "AllowanceNumber",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "City",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "Situation",
                table: "Families");
        }
    }
}
