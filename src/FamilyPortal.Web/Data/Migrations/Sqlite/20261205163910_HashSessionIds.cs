using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HashSessionIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows held session ids as sent in the cookies: they go, and everybody signs in again once.
            migrationBuilder.Sql("DELETE FROM AccountSessions;");
            migrationBuilder.RenameColumn(
                name: "Id",
                table: "AccountSessions",
                newName: "IdHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM AccountSessions;");
            migrationBuilder.RenameColumn(
                name: "IdHash",
                table: "AccountSessions",
                newName: "Id");
        }
    }
}
