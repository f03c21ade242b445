using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrolmentCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Enrolment_RequireConfirmedFile",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Enrolment_RequireValidDocuments",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AllocationCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResidentPostalCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationCampaigns_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationCampaignActivities",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationCampaignActivities", x => new { x.CampaignId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_AllocationCampaignActivities_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AllocationCampaignActivities_AllocationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AllocationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AllocationCampaignActivities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BothParentsWorking = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRequests_AllocationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AllocationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignRequests_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignRequests_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationCampaignActivities_ActivityId",
                table: "AllocationCampaignActivities",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_AllocationCampaignActivities_MunicipalityId_ActivityId",
                table: "AllocationCampaignActivities",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationCampaigns_MunicipalityId_PeriodStart",
                table: "AllocationCampaigns",
                columns: new[] { "MunicipalityId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRequests_CampaignId_EnrolmentId",
                table: "CampaignRequests",
                columns: new[] { "CampaignId", "EnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRequests_EnrolmentId",
                table: "CampaignRequests",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRequests_MunicipalityId_EnrolmentId",
                table: "CampaignRequests",
                columns: new[] { "MunicipalityId", "EnrolmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationCampaignActivities");

            migrationBuilder.DropTable(
                name: "CampaignRequests");

            migrationBuilder.DropTable(
                name: "AllocationCampaigns");

            migrationBuilder.DropColumn(
                name: "Enrolment_RequireConfirmedFile",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Enrolment_RequireValidDocuments",
                table: "Activities");
        }
    }
}
