using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Services : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalQualityScore",
                table: "LegalAidDetails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewScore",
                table: "LegalAidDetails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComplaintDetails",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectRegistryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Demand = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InvestigationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InvestigationStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintDetails", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_ComplaintDetails_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterRectificationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhoneAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkIssuedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediationCommittees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationCommittees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationCommittees_ServicePoints_ServicePointId",
                        column: x => x.ServicePointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationReminders",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClockSeq = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationReminders", x => new { x.CaseId, x.ClockSeq });
                    table.ForeignKey(
                        name: "FK_MediationReminders_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotarizationDetails",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MatterName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsSubmitted = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LegalAidEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    OneVisitMatter = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MaterialsRequested = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemainingWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    SuspensionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SuspendedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    FeeBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RefusalGround = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VisitCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotarizationDetails", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_NotarizationDetails_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotarySlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotarySlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotarySlots_ServicePoints_ServicePointId",
                        column: x => x.ServicePointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SampledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SampledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Breakdown = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityReviews_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompletedOnTime = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Rectifications_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mediators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsStationedLawyer = table.Column<bool>(type: "INTEGER", nullable: false),
                    PoliceStation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Specialties = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LawyerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mediators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mediators_Lawyers_LawyerId",
                        column: x => x.LawyerId,
                        principalTable: "Lawyers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mediators_MediationCommittees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "MediationCommittees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NotaryBookings",
                columns: table => new
                {
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotaryBookings", x => x.SlotId);
                    table.ForeignKey(
                        name: "FK_NotaryBookings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotaryBookings_NotarySlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "NotarySlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationDetails",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DisputeType = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AmountInvolved = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PoliceStation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StationedLawyerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StationedLawyerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReferringBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReferenceNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MediatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MediatorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MediatorAssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgreementFacts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreementTerms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PerformanceMethod = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PerformanceDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreementEffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConfirmationAppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmationCourt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmationReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmationResult = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Performance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PerformanceCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PerformanceNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationDetails", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_MediationDetails_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MediationDetails_MediationCommittees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "MediationCommittees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediationDetails_Mediators_MediatorId",
                        column: x => x.MediatorId,
                        principalTable: "Mediators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationSessions_MediationDetails_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MediationDetails",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintDetails_SubjectKind_SubjectRegistryId",
                table: "ComplaintDetails",
                columns: new[] { "SubjectKind", "SubjectRegistryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintDetails_SubjectUserId",
                table: "ComplaintDetails",
                column: "SubjectUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CaseId_Round",
                table: "FollowUps",
                columns: new[] { "CaseId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_LinkTokenHash",
                table: "FollowUps",
                column: "LinkTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ServicePointId_Status_DueOn",
                table: "FollowUps",
                columns: new[] { "ServicePointId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MediationCommittees_Name",
                table: "MediationCommittees",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationCommittees_ServicePointId",
                table: "MediationCommittees",
                column: "ServicePointId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationDetails_CommitteeId",
                table: "MediationDetails",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationDetails_DisputeType",
                table: "MediationDetails",
                column: "DisputeType");

            migrationBuilder.CreateIndex(
                name: "IX_MediationDetails_MediatorId",
                table: "MediationDetails",
                column: "MediatorId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationDetails_PoliceStation",
                table: "MediationDetails",
                column: "PoliceStation");

            migrationBuilder.CreateIndex(
                name: "IX_MediationSessions_CaseId_Seq",
                table: "MediationSessions",
                columns: new[] { "CaseId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_CommitteeId",
                table: "Mediators",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_LawyerId",
                table: "Mediators",
                column: "LawyerId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_UserId",
                table: "Mediators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NotarizationDetails_CertificateNumber",
                table: "NotarizationDetails",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotarizationDetails_MatterCode",
                table: "NotarizationDetails",
                column: "MatterCode");

            migrationBuilder.CreateIndex(
                name: "IX_NotaryBookings_CaseId",
                table: "NotaryBookings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_NotarySlots_ServicePointId_StartsAt",
                table: "NotarySlots",
                columns: new[] { "ServicePointId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityReviews_Batch_ServicePointId",
                table: "QualityReviews",
                columns: new[] { "Batch", "ServicePointId" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityReviews_CaseId",
                table: "QualityReviews",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CaseId",
                table: "Rectifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_FollowUpId",
                table: "Rectifications",
                column: "FollowUpId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ResponsibleId",
                table: "Rectifications",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ServicePointId_CompletedAt",
                table: "Rectifications",
                columns: new[] { "ServicePointId", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintDetails");

            migrationBuilder.DropTable(
                name: "MediationReminders");

            migrationBuilder.DropTable(
                name: "MediationSessions");

            migrationBuilder.DropTable(
                name: "NotarizationDetails");

            migrationBuilder.DropTable(
                name: "NotaryBookings");

            migrationBuilder.DropTable(
                name: "QualityReviews");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "MediationDetails");

            migrationBuilder.DropTable(
                name: "NotarySlots");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Mediators");

            migrationBuilder.DropTable(
                name: "MediationCommittees");

            migrationBuilder.DropColumn(
                name: "FinalQualityScore",
                table: "LegalAidDetails");

            migrationBuilder.DropColumn(
                name: "ReviewScore",
                table: "LegalAidDetails");
        }
    }
}
