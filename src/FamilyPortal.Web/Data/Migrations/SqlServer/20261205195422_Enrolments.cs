using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Enrolments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Enrolment_AutoAccept",
                table: "Activities",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_Capacity",
                table: "Activities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Enrolment_Classes",
                table: "Activities",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_MaxAge",
                table: "Activities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_MaxUnpaidDays",
                table: "Activities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_MinAge",
                table: "Activities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_Mode",
                table: "Activities",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Enrolment_OfferHours",
                table: "Activities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Enrolment_PeriodEnd",
                table: "Activities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Enrolment_PeriodLabel",
                table: "Activities",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Enrolment_PeriodStart",
                table: "Activities",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EnrolmentLoads",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "int", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    Taken = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentLoads", x => new { x.ActivityId, x.StartDate });
                    table.ForeignKey(
                        name: "FK_EnrolmentLoads_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnrolmentLoads_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    ChildId = table.Column<int>(type: "int", nullable: false),
                    ActivityId = table.Column<int>(type: "int", nullable: false),
                    PeriodLabel = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    RefusalReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RequestedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    WaitingSinceUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OfferExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedByAccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Enrolments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Enrolments_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitingEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    ChildId = table.Column<int>(type: "int", nullable: false),
                    ActivityId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    AccountId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitingEntries_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitingEntries_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitingEntries_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentLoads_MunicipalityId_ActivityId_StartDate",
                table: "EnrolmentLoads",
                columns: new[] { "MunicipalityId", "ActivityId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ActivityId",
                table: "Enrolments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ChildId_ActivityId_StartDate",
                table: "Enrolments",
                columns: new[] { "ChildId", "ActivityId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_MunicipalityId_ActivityId_StartDate_State",
                table: "Enrolments",
                columns: new[] { "MunicipalityId", "ActivityId", "StartDate", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitingEntries_ActivityId",
                table: "WaitingEntries",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingEntries_ChildId_ActivityId_Date",
                table: "WaitingEntries",
                columns: new[] { "ChildId", "ActivityId", "Date" },
                unique: true,
                filter: "[State] = 0");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingEntries_MunicipalityId_ActivityId_Date_State",
                table: "WaitingEntries",
                columns: new[] { "MunicipalityId", "ActivityId", "Date", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnrolmentLoads");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "WaitingEntries");

            migrationBuilder.DropColumn(
                name: "Enrolment_AutoAccept",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_Capacity",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_Classes",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_MaxAge",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_MaxUnpaidDays",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_MinAge",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_Mode",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_OfferHours",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_PeriodEnd",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_PeriodLabel",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_PeriodStart",
                table: "Activities");
        }
    }
}
