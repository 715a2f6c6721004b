using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assistant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistantConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TurnCount = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistantConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistantTurns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Redactions = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Domain = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClarifyingQuestion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ArticleIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ArticleNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Danger = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UsedLlm = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedCitations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LatencyMs = table.Column<int>(type: "integer", nullable: false),
                    AnswerJson = table.Column<string>(type: "text", nullable: false),
                    Rating = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfirmedCitations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConfirmedArticleIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistantTurns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistantTurns_AssistantConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "AssistantConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistantConversations_CaseId",
                table: "AssistantConversations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistantConversations_CreatedAt",
                table: "AssistantConversations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AssistantTurns_ConversationId_Seq",
                table: "AssistantTurns",
                columns: new[] { "ConversationId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistantTurns_ReviewState_At",
                table: "AssistantTurns",
                columns: new[] { "ReviewState", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistantTurns");

            migrationBuilder.DropTable(
                name: "AssistantConversations");
        }
    }
}
