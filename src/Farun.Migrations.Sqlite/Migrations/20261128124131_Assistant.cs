using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TurnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistantConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistantTurns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Redactions = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClarifyingQuestion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ArticleIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ArticleNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Danger = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UsedLlm = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedCitations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerJson = table.Column<string>(type: "TEXT", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfirmedCitations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConfirmedArticleIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
