using Farun.Features.Audit;

namespace Farun.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        var hash = AuditEntry.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry(DateTimeOffset.UnixEpoch.AddMinutes(i), ActorKind.Staff, Guid.NewGuid(), "张三", "case.transition", "Case", i.ToString(), "{\"to\":\"Granted\"}", "127.0.0.1");
            e.Seal(i, hash);
            hash = e.Hash;
            entries.Add(e);
        }

        return entries;
    }

    [Fact]
    public void Verify_UntouchedChain_IsIntact()
    {
        var report = AuditChain.Verify(Chain(5));
        Assert.True(report.IsIntact);
        Assert.Equal(5, report.Checked);
    }

    [Fact]
    public void Verify_ChangedDetails_ReportsThatEntry()
    {
        var chain = Chain(5);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Details))!.SetValue(chain[2], "{\"to\":\"Refused\"}");
        var report = AuditChain.Verify(chain);
        Assert.Equal(3, report.FirstBrokenId);
        Assert.Contains("content", report.Problem);
    }

    [Fact]
    public void Verify_DeletedEntry_ReportsTheNextOne()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var report = AuditChain.Verify(chain);
        Assert.Equal(3, report.FirstBrokenId);
        Assert.Contains("deleted", report.Problem);
    }

    [Fact]
    public void Seal_Twice_Throws()
    {
        var e = Chain(1)[0];
        Assert.Throws<InvalidOperationException>(() => e.Seal(2, AuditEntry.GenesisHash));
    }

    [Fact]
    public void ComputeHash_DependsOnPreviousHash()
    {
        var e = new AuditEntry(DateTimeOffset.UnixEpoch, ActorKind.System, null, "system", "x", null, null, null, null);
        Assert.NotEqual(e.ComputeHash(AuditEntry.GenesisHash), e.ComputeHash(new string('1', 64)));
    }


    [Fact]
    public void Constructor_TypedNameTooLongOrWithControlCharacters_KeptAsTheColumnCan()
    {
        var e = new AuditEntry(DateTimeOffset.UnixEpoch, ActorKind.Anonymous, null, "张\0三" + new string('x', 200), "signin.failed", null, null, null, null);

        Assert.Equal(AuditEntry.MaxActorNameLength, e.ActorName.Length);
        Assert.StartsWith("张三xxx", e.ActorName, StringComparison.Ordinal);
        Assert.EndsWith("…", e.ActorName, StringComparison.Ordinal);
        Assert.Equal("李四", new AuditEntry(DateTimeOffset.UnixEpoch, ActorKind.Staff, null, "李四", "x", null, null, null, null).ActorName);
    }
}
