using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FamilyPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MessagesAttendanceDevicesFleet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BillUnannouncedAbsences",
                table: "Activities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Billing",
                table: "Activities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "DeviceId",
                table: "AccountSessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendanceMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Motif = table.Column<int>(type: "integer", nullable: true),
                    ArrivedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    LeftAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    MarkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MarkedByAccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessageSubject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageSubject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageSubject_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessageThread",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    FamilyId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AssignedAccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StartedByStaff = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageThread", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageThread_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessageThread_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitCounters",
                columns: table => new
                {
                    Policy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartitionHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    WindowStart = table.Column<long>(type: "bigint", nullable: false),
                    WindowEnd = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitCounters", x => new { x.Policy, x.PartitionHash, x.WindowStart });
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataStamps",
                columns: table => new
                {
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataStamps", x => x.MunicipalityId);
                    table.ForeignKey(
                        name: "FK_ReferenceDataStamps_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RememberedDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RememberedDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RememberedDevices_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignInTickets",
                columns: table => new
                {
                    IdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: true),
                    Identifiant = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReturnUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RememberDevice = table.Column<bool>(type: "boolean", nullable: false),
                    QueueAhead = table.Column<int>(type: "integer", nullable: false),
                    ChecksPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    CheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInTickets", x => x.IdHash);
                });

            migrationBuilder.CreateTable(
                name: "Message",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    ThreadId = table.Column<int>(type: "integer", nullable: false),
                    AuthorSide = table.Column<int>(type: "integer", nullable: false),
                    AuthorAccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsInternalNote = table.Column<bool>(type: "boolean", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadByFamilyAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadByStaffAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AttachmentName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AttachmentSize = table.Column<long>(type: "bigint", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AttachmentSealed = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Message_MessageThread_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "MessageThread",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Message_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_DeviceId",
                table: "AccountSessions",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_ActivityId",
                table: "AttendanceMarks",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_ChildId_ActivityId_Date",
                table: "AttendanceMarks",
                columns: new[] { "ChildId", "ActivityId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_MunicipalityId_ActivityId_Date",
                table: "AttendanceMarks",
                columns: new[] { "MunicipalityId", "ActivityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Message_MunicipalityId_ThreadId",
                table: "Message",
                columns: new[] { "MunicipalityId", "ThreadId" });

            migrationBuilder.CreateIndex(
                name: "IX_Message_ThreadId",
                table: "Message",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageSubject_MunicipalityId_Name",
                table: "MessageSubject",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageThread_FamilyId",
                table: "MessageThread",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageThread_MunicipalityId_FamilyId",
                table: "MessageThread",
                columns: new[] { "MunicipalityId", "FamilyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageThread_MunicipalityId_Status_UpdatedAtUtc",
                table: "MessageThread",
                columns: new[] { "MunicipalityId", "Status", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitCounters_WindowEnd",
                table: "RateLimitCounters",
                column: "WindowEnd");

            migrationBuilder.CreateIndex(
                name: "IX_RememberedDevices_AccountId",
                table: "RememberedDevices",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_RememberedDevices_SecretHash",
                table: "RememberedDevices",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInTickets_ExpiresAtUtc",
                table: "SignInTickets",
                column: "ExpiresAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceMarks");

            migrationBuilder.DropTable(
                name: "Message");

            migrationBuilder.DropTable(
                name: "MessageSubject");

            migrationBuilder.DropTable(
                name: "RateLimitCounters");

            migrationBuilder.DropTable(
                name: "ReferenceDataStamps");

            migrationBuilder.DropTable(
                name: "RememberedDevices");

            migrationBuilder.DropTable(
                name: "SignInTickets");

            migrationBuilder.DropTable(
                name: "MessageThread");

            migrationBuilder.DropIndex(
                name: "IX_AccountSessions_DeviceId",
                table: "AccountSessions");

            migrationBuilder.DropColumn(
                name: "BillUnannouncedAbsences",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Billing",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "AccountSessions");
        }
    }
}
