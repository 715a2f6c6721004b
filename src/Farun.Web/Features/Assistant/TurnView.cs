namespace Farun.Web.Features.Assistant;

/// <summary>One answer on the chat page or the kiosk.</summary>
public sealed record TurnView(AssistantDtos.Answer Answer, Guid? ConversationId, bool Kiosk);
