using Microsoft.Extensions.Options;
using QRCoder;

namespace Farun.Web.Features.Assistant;

/// <summary>The QR code of a printed answer slip: the conversation's address on the citizen portal, to continue on a phone.</summary>
public sealed class KioskSlips(IOptions<AssistantOptions> options)
{
    /// <summary>The address a phone opens: the configured public base address, or the request's own.</summary>
    public string ConversationUrl(HttpRequest request, Guid conversationId)
    {
        var configured = options.Value.PublicBaseUrl?.TrimEnd('/');
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured;
        return $"{baseUrl}/assistant?c={conversationId:D}";
    }

    /// <summary>A PNG QR code of <paramref name="text"/> as a data URI (allowed by the content security policy).</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
