using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Assistant;

/// <summary>/kiosk/slip?c=: a printable answer slip with a QR code that opens the conversation on a phone.</summary>
[AllowAnonymous]
public sealed class SlipModel(AssistantService assistant, KioskSlips slips, IOptions<AssistantOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid? ConversationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sp")]
    public Guid? ServicePointId { get; set; }

    /// <summary>The kiosk's start screen (with its service point) to return to.</summary>
    public string StartUrl => ServicePointId is { } sp ? $"/kiosk?sp={sp:D}" : "/kiosk";

    public AssistantDtos.Conversation? Conversation { get; private set; }

    public string ConversationUrl { get; private set; } = "";

    public int IdleSeconds => Math.Max(5, options.Value.KioskIdleSeconds);

    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ConversationId is not { } id || await assistant.GetAsync(id, ct) is not { } conversation)
            return NotFound();
        Conversation = conversation;
        ConversationUrl = slips.ConversationUrl(Request, id);
        QrCode = KioskSlips.QrDataUri(ConversationUrl);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
