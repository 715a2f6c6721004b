using Farun.Features.Assistant;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

// Tables of the legal assistant: conversations and their turns, redacted text only.

internal sealed class AssistantConversationConfiguration : IEntityTypeConfiguration<AssistantConversation>
{
    public void Configure(EntityTypeBuilder<AssistantConversation> b)
    {
        b.ToTable("AssistantConversations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.TurnCount).IsConcurrencyToken();
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class AssistantTurnConfiguration : IEntityTypeConfiguration<AssistantTurn>
{
    public void Configure(EntityTypeBuilder<AssistantTurn> b)
    {
        b.ToTable("AssistantTurns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<AssistantConversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConversationId, x.Seq }).IsUnique();
        b.HasIndex(x => new { x.ReviewState, x.At });
        b.Property(x => x.Question).HasMaxLength(AssistantTurn.MaxQuestionLength);
        b.Property(x => x.Redactions).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Explanation).HasMaxLength(AssistantTurn.MaxAnswerLength);
        b.Property(x => x.ClarifyingQuestion).HasMaxLength(200);
        b.Property(x => x.ArticleIds).HasMaxLength(2000);
        b.Property(x => x.ArticleNames).HasMaxLength(2000);
        b.Property(x => x.Danger).HasMaxLength(100);
        b.Property(x => x.RemovedCitations).HasMaxLength(2000);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ReviewState).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ConfirmedCitations).HasMaxLength(2000);
        b.Property(x => x.ConfirmedArticleIds).HasMaxLength(2000);
        b.Property(x => x.ReviewNote).HasMaxLength(500);
        b.Property(x => x.ReviewedByName).HasMaxLength(100);
    }
}
