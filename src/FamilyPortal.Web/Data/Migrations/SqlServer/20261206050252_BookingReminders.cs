using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BookingReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BookingRemindersDeclined",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BookingReminder_Enabled",
                table: "Activities",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BookingReminder_HoursBefore",
                table: "Activities",
                type: "int",
                nullable: false,
                defaultValue: 24);

            // « SMS » was offered and never sent: such accounts are notified by email, the one channel left.
            migrationBuilder.Sql("UPDATE AspNetUsers SET NotificationChannel = 'E-mail' WHERE NotificationChannel = 'SMS';");

            migrationBuilder.CreateTable(
                name: "BookingRemindersSent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MunicipalityId = table.Column<int>(type: "int", nullable: false),
                    FamilyId = table.Column<int>(type: "int", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Lines = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingRemindersSent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookingRemindersSent_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BookingRemindersSent_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookingRemindersSent_FamilyId",
                table: "BookingRemindersSent",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingRemindersSent_MunicipalityId_FamilyId_WeekStart",
                table: "BookingRemindersSent",
                columns: new[] { "MunicipalityId", "FamilyId", "WeekStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookingRemindersSent");

            migrationBuilder.DropColumn(
                name: "BookingRemindersDeclined",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BookingReminder_Enabled",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "BookingReminder_HoursBefore",
                table: "Activities");
        }
    }
}
