using System.Security.Cryptography;

namespace Farun.Web.Features.Platform;

/// <summary>
/// Security headers on every response: no MIME sniffing, no referrer to other sites, no framing, and a Content
/// Security Policy that allows only this origin's scripts and styles. An inline script needs the per-request nonce:
/// <c>&lt;script nonce="@Context.CspNonce()"&gt;</c>. Inline <c>style</c> attributes are allowed
/// (<c>style-src-attr</c>); inline style and script elements and event-handler attributes are not.
/// The API reference at /api-docs (a third-party page built from inline code) gets a looser policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "farun:csp-nonce";

    public const string ApiDocsPath = "/api-docs";

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference bundles its own script and styles inline; it still may not be framed or post elsewhere.</summary>
    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce of this request's CSP, for inline scripts.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceItem] is string nonce)
            return nonce;
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseFarunSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath)
                    ? ApiDocsPolicy
                    : Policy(context.CspNonce());
                return Task.CompletedTask;
            });
            return next(context);
        });
}
