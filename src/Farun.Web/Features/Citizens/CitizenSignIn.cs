using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Audit;
using Farun.Features.Citizens;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Citizens;

/// <summary>Settings under <c>Farun:CitizenSignIn</c>.</summary>
public sealed class CitizenSignInOptions
{
    public const string Section = "Farun:CitizenSignIn";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 5;

    /// <summary>At most one code per phone in this time.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxCodesPerPhonePerHour { get; set; } = 5;

    /// <summary>Per client address (behind a proxy: see <c>Farun:TrustedProxies</c>).</summary>
    public int MaxCodesPerAddressPerHour { get; set; } = 20;
}

/// <summary>The citizens' cookie scheme and the claims of a signed-in citizen.</summary>
public static class CitizenAuthentication
{
    public const string Scheme = "Citizen";

    /// <summary>Blind index of the citizen's normalised phone number: finds their cases without decrypting anything.</summary>
    public const string PhoneHashClaim = "farun:phone-hash";

    public const string LoginPath = "/citizen/login";

    public static IServiceCollection AddCitizenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "farun.citizen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = LoginPath;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
            };
        }).AddScheme<AuthenticationSchemeOptions, StaffOrCitizenHandler>(StaffOrCitizenHandler.SchemeName, "Staff or citizen", null);
        return services;
    }

    public static ClaimsPrincipal Principal(CitizenAccount account, string canonicalPhone)
    {
        var identity = new ClaimsIdentity(Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        // The masked number is what audit entries and pages show; the full number is never in the cookie.
        identity.AddClaim(new Claim(ClaimTypes.Name, Mask.Phone(canonicalPhone)));
        identity.AddClaim(new Claim(FarunClaims.ActorKind, nameof(ActorKind.Citizen)));
        identity.AddClaim(new Claim(PhoneHashClaim, account.PhoneHash));
        return new ClaimsPrincipal(identity);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Citizen sign-in by phone number and one-time code, shared by the API and the sign-in page.
/// <list type="bullet">
/// <item>Codes: 6 random digits, stored as a keyed hash (HMAC with the blind-index key, salted with the challenge id),
/// valid for 5 minutes, at most 5 attempts (counted atomically), used once; a new code supersedes older ones.</item>
/// <item>Sending is rate-limited per phone (1 per 60 s, 5 per hour) and per client address (20 per hour) with counters in
/// the database, shared by every node; refused with 429 and Retry-After.</item>
/// <item>Every code sent, failed attempt and sign-in is audited (the phone masked).</item>
/// </list>
/// </summary>
public sealed class CitizenSignInService(
    FarunDbContext db,
    AuditLog audit,
    BlindIndex blindIndex,
    PersonalDataProtector protector,
    IRateLimiter rateLimiter,
    ISmsSender sms,
    IOptions<CitizenSignInOptions> options,
    TimeProvider time,
    IHttpContextAccessor http,
    ILogger<CitizenSignInService> logger)
{
    public sealed record CodeSent(string Phone, int ExpiresInSeconds, int ResendAfterSeconds);

    public sealed record SignedIn(CitizenAccount Account, string Phone, bool Created);

    private CitizenSignInOptions O => options.Value;

    public const string InvalidPhoneMessage = "请输入正确的11位手机号码。";

    public const string InvalidCodeMessage = "请输入短信中的6位数字验证码。";

    public static bool IsMobile(string? input) => PhoneNumber.TryNormalize(input, out var phone, out _) && phone.Kind == PhoneNumberKind.Mobile;

    public static bool IsCodeShaped(string? input) => input?.Trim() is { Length: OtpChallenge.CodeLength } c && c.All(char.IsAsciiDigit);

    /// <summary>Canonical mobile number, or a 400 naming the field.</summary>
    public static PhoneNumber ParseMobile(string? input)
    {
        if (!PhoneNumber.TryNormalize(input, out var phone, out _) || phone.Kind != PhoneNumberKind.Mobile)
            throw BadRequestException.ForField("phone", InvalidPhoneMessage);
        return phone;
    }

    public async Task<CodeSent> SendCodeAsync(string? phoneInput, CancellationToken ct)
    {
        var phone = ParseMobile(phoneInput);
        var phoneHash = blindIndex.Compute(BlindIndexKind.Phone, phone.Canonical)!;
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var addressHash = blindIndex.Compute(BlindIndexKind.Exact, "client-address|" + address)!;
        var decision = await rateLimiter.TryAcquireAsync(
        [
            new RateLimitRule($"otp:addr:{addressHash}", O.MaxCodesPerAddressPerHour, TimeSpan.FromHours(1), "本网络获取验证码过于频繁"),
            new RateLimitRule($"otp:phone:{phoneHash}", 1, O.ResendInterval, "验证码已发送，请稍后再重新获取"),
            new RateLimitRule($"otp:phone-hour:{phoneHash}", O.MaxCodesPerPhonePerHour, TimeSpan.FromHours(1), "该手机号获取验证码次数过多"),
        ], ct);
        if (!decision.Allowed)
        {
            logger.LogWarning("Sign-in code refused by rate limit {Rule} for {Phone} from {Address}", decision.RefusedBy!.Key.Split(':')[1], Mask.Phone(phone.Canonical), address);
            throw new TooManyRequestsException($"{decision.RefusedBy.Message}，请{Wait(decision.RetryAfter)}后再试。", decision.RetryAfter);
        }

        var now = time.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.NewGuid();
        var challenge = new OtpChallenge(id, phoneHash, CodeHash(id, code), now, now + O.CodeLifetime);

        // Send first: when the gateway fails nothing is stored and the citizen simply asks again.
        await sms.SendAsync(new SmsMessage(phone.Canonical, SmsTemplates.SignInCode, new Dictionary<string, string>
        {
            ["code"] = code,
            ["minutes"] = ((int)Math.Ceiling(O.CodeLifetime.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), ct);

        await db.OtpChallenges.Where(c => c.PhoneHash == phoneHash && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), ct);
        db.OtpChallenges.Add(challenge);
        audit.RecordAs(ActorKind.Anonymous, null, Mask.Phone(phone.Canonical), "citizen.otp.sent", nameof(OtpChallenge), challenge.Id);
        await db.SaveChangesAsync(ct);
        return new CodeSent(Mask.Phone(phone.Canonical), (int)O.CodeLifetime.TotalSeconds, (int)O.ResendInterval.TotalSeconds);
    }

    /// <summary>Checks the code and returns the (possibly new) account; 400 with a field error when it does not match.
    /// The caller signs the principal in (<see cref="SignInAsync"/> does both for HTTP callers).</summary>
    public async Task<SignedIn> VerifyAsync(string? phoneInput, string? codeInput, CancellationToken ct)
    {
        var phone = ParseMobile(phoneInput);
        if (!IsCodeShaped(codeInput))
            throw BadRequestException.ForField("code", InvalidCodeMessage);
        var code = codeInput!.Trim();
        var phoneHash = blindIndex.Compute(BlindIndexKind.Phone, phone.Canonical)!;
        var masked = Mask.Phone(phone.Canonical);
        var now = time.GetUtcNow();

        var challenge = await db.OtpChallenges.AsNoTracking()
            .Where(c => c.PhoneHash == phoneHash && c.ConsumedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (challenge is null)
            throw await FailAsync(masked, "no-code", "验证码无效或已使用，请重新获取验证码。", ct);
        if (challenge.ExpiresAt <= now)
            throw await FailAsync(masked, "expired", "验证码已过期，请重新获取验证码。", ct);

        // Count the attempt before comparing, atomically, so parallel guesses on several nodes share the limit.
        var max = O.MaxAttempts;
        var counted = await db.OtpChallenges
            .Where(c => c.Id == challenge.Id && c.ConsumedAt == null && c.Attempts < max)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
        if (counted == 0)
            throw await FailAsync(masked, "attempts-exhausted", "验证码错误次数过多，请重新获取验证码。", ct);

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash(challenge.Id, code)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            var left = max - (challenge.Attempts + 1);
            throw await FailAsync(masked, "wrong-code", left > 0 ? $"验证码不正确，还可以再试{left}次。" : "验证码错误次数过多，请重新获取验证码。", ct);
        }

        var consumed = await db.OtpChallenges.Where(c => c.Id == challenge.Id && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), ct);
        if (consumed == 0)
            throw await FailAsync(masked, "already-used", "验证码无效或已使用，请重新获取验证码。", ct);

        var (account, created) = await FindOrCreateAccountAsync(phone.Canonical, phoneHash, now, ct);
        account.SignedIn(now);
        audit.RecordAs(ActorKind.Citizen, account.Id, masked, "citizen.signin", nameof(CitizenAccount), account.Id, created ? new { created } : null);
        await db.SaveChangesAsync(ct);
        return new SignedIn(account, phone.Canonical, created);
    }

    /// <summary>Verifies and issues the citizen cookie.</summary>
    public async Task<SignedIn> SignInAsync(HttpContext context, string? phoneInput, string? codeInput, CancellationToken ct)
    {
        var result = await VerifyAsync(phoneInput, codeInput, ct);
        await context.SignInAsync(CitizenAuthentication.Scheme, CitizenAuthentication.Principal(result.Account, result.Phone));
        return result;
    }

    private async Task<(CitizenAccount Account, bool Created)> FindOrCreateAccountAsync(string canonical, string phoneHash, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.CitizenAccounts.FirstOrDefaultAsync(a => a.PhoneHash == phoneHash, ct);
        if (existing is not null)
            return (existing, false);
        var account = new CitizenAccount(protector.Encrypt(canonical), phoneHash, now);
        db.CitizenAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
            return (account, true);
        }
        catch (DbUpdateException)
        {
            // The same citizen signed in on another node a moment ago: use that account.
            db.Entry(account).State = EntityState.Detached;
            return (await db.CitizenAccounts.FirstAsync(a => a.PhoneHash == phoneHash, ct), false);
        }
    }

    private async Task<BadRequestException> FailAsync(string maskedPhone, string reason, string message, CancellationToken ct)
    {
        logger.LogWarning("Citizen sign-in failed for {Phone}: {Reason}", maskedPhone, reason);
        audit.RecordAs(ActorKind.Anonymous, null, maskedPhone, "citizen.signin.failed", details: new { reason });
        await db.SaveChangesAsync(ct);
        return BadRequestException.ForField("code", message);
    }

    private string CodeHash(Guid challengeId, string code) =>
        blindIndex.Compute(BlindIndexKind.Exact, $"otp|{challengeId:N}|{code}")!;

    public static string Wait(TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        return seconds < 120 ? $"{seconds}秒" : $"{(int)Math.Ceiling(seconds / 60.0)}分钟";
    }
}
