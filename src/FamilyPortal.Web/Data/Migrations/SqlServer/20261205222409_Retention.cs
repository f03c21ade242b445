using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DepartedOn",
                table: "Families",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HealthDataErasedAtUtc",
                table: "Families",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DepartedOn",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "HealthDataErasedAtUtc",
                table: "Families");
        }
    }
}
