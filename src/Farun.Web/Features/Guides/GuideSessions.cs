using System.Security.Cryptography;
using System.Text.Json;
using Farun.Data;
using Farun.Features.Guides;
using Farun.Web.Features.Guides.Engine;
using Farun.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

/// <summary>Resume codes: 8 characters from an alphabet without look-alikes, shown as ABCD-EFGH.</summary>
public static class ResumeCode
{
    public static string New()
    {
        Span<char> chars = stackalloc char[GuideSession.CodeLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = GuideSession.CodeAlphabet[RandomNumberGenerator.GetInt32(GuideSession.CodeAlphabet.Length)];
        return new string(chars);
    }

    /// <summary>The code as typed (lower case, spaces, a dash) in canonical form, or null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var code = new string([.. input.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '－').Select(char.ToUpperInvariant)]);
        return code.Length == GuideSession.CodeLength && code.All(c => GuideSession.CodeAlphabet.Contains(c)) ? code : null;
    }

    public static string Display(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;
}

/// <summary>Answers as stored: question id to the text form of the answer (see <see cref="AnswerInput.Format"/>).</summary>
public static class StoredAnswers
{
    public static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Write(IReadOnlyDictionary<string, string> answers) =>
        JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value));

    /// <summary>Typed answers for the guide's questions; answers to unknown questions or that no longer parse are dropped.</summary>
    public static Dictionary<string, object?> Typed(GuideDefinition guide, IReadOnlyDictionary<string, string> raw)
    {
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (id, text) in raw)
        {
            if (guide.Question(id) is { } q && AnswerInput.Parse(q, text) is { Error: null, Value: { } value })
                typed[id] = value;
        }

        return typed;
    }
}

/// <summary>Server-side interview sessions under resume codes; nothing is held in a node's memory.</summary>
public sealed class GuideSessionStore(FarunDbContext db, TimeProvider time)
{
    public async Task<GuideSession> CreateAsync(LoadedGuide guide, IReadOnlyDictionary<string, string>? answers, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = ResumeCode.New();
            if (await db.GuideSessions.AnyAsync(s => s.Code == code, ct))
            {
                if (attempt > 5)
                    throw new InvalidOperationException("Could not find a free resume code.");
                continue;
            }

            var session = new GuideSession(code, guide.Id, guide.Version, time.GetUtcNow())
            {
                AnswersJson = StoredAnswers.Write(answers ?? new Dictionary<string, string>()),
            };
            db.GuideSessions.Add(session);
            await db.SaveChangesAsync(ct);
            return session;
        }
    }

    /// <summary>The session under a code as typed, or null when there is none or it has expired.</summary>
    public async Task<GuideSession?> FindAsync(string? code, CancellationToken ct)
    {
        var normalized = ResumeCode.Normalize(code);
        if (normalized is null)
            return null;
        var now = time.GetUtcNow();
        return await db.GuideSessions.FirstOrDefaultAsync(s => s.Code == normalized && s.ExpiresAt > now, ct);
    }

    public async Task SaveAsync(GuideSession session, IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        session.AnswersJson = StoredAnswers.Write(answers);
        session.Touch(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Every six hours: deletes expired interview sessions (a periodic job, so one node runs it at a time).</summary>
public sealed class GuideSessionCleanupJob(FarunDbContext db, TimeProvider time, ILogger<GuideSessionCleanupJob> logger) : IPeriodicJob
{
    public string Name => "guides.sessions.cleanup";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var deleted = await db.GuideSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        logger.LogInformation("Deleted {Count} expired guide sessions", deleted);
    }
}
