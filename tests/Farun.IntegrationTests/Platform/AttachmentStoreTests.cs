using System.Security.Cryptography;
using System.Text;
using Farun.Features.Attachments;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Common;
using Farun.Web.Features.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Platform;

public sealed class AttachmentStoreTests
{
    private static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Png => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GoodPdfAndPng_AreStoredUnderTheirIds_WithTheRightHash_AndAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        _ = factory.Server;
        await using var scope = factory.Scope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();

        var pdf = await store.SaveAsync("Case", "42", "法律援助申请书.pdf", new MemoryStream(Pdf));
        var png = await store.SaveAsync("Case", "42", "身份证照片", new MemoryStream(Png));

        Assert.Equal(AttachmentType.Pdf, pdf.Type);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), pdf.Sha256);
        Assert.Equal(Pdf.Length, pdf.Size);
        Assert.Equal("法律援助申请书.pdf", pdf.OriginalName);
        Assert.Equal(AttachmentType.Png, png.Type);
        Assert.Equal("身份证照片.png", png.OriginalName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), png.Sha256);

        var now = DateTimeOffset.UtcNow;
        var path = Path.Combine(database.DataDir, "uploads", $"{now:yyyy}", $"{now:MM}", pdf.Id.ToString("N"));
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(path));
        var files = Directory.GetFiles(Path.Combine(database.DataDir, "uploads"), "*", SearchOption.AllDirectories);
        Assert.Equal(2, files.Length);
        Assert.DoesNotContain(files, f => f.Contains("申请书", StringComparison.Ordinal) || f.EndsWith(".part", StringComparison.Ordinal));

        var listed = await store.ListAsync("Case", "42");
        Assert.Equal(new[] { pdf.Id, png.Id }.Order(), listed.Select(a => a.Id).Order());
        var uploads = await factory.Db(scope).AuditEntries.AsNoTracking().Where(a => a.Action == "attachment.upload").ToListAsync();
        Assert.Equal(2, uploads.Count);
        Assert.Contains(uploads, a => a.EntityId == pdf.Id.ToString() && a.Details!.Contains(pdf.Sha256, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "Sqlite", "exe", "可执行程序" },
        { "Sqlite", "html", "网页" },
        { "Sqlite", "png-as-pdf", "不符" },
        { "Sqlite", "oversized", "大小上限" },
        { "Sqlite", "empty", "文件为空" },
        { "Postgres", "exe", "可执行程序" },
        { "Postgres", "html", "网页" },
        { "Postgres", "oversized", "大小上限" },
    };

    [SkippableTheory]
    [MemberData(nameof(Refused))]
    public async Task DisguisedOrOversizedFiles_AreRefusedWith400_AndLeaveNothingBehind(string provider, string kind, string message)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database, new Dictionary<string, string?> { ["Farun:Uploads:MaxBytes"] = "4096" });
        _ = factory.Server;
        await using var scope = factory.Scope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        var content = kind switch
        {
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0x00, .. new byte[200]],
            "html" => Encoding.UTF8.GetBytes("<html><body><script>document.location='http://x/'+document.cookie</script></body></html>"),
            "png-as-pdf" => Png,
            "oversized" => [.. Pdf, .. new byte[5000]],
            _ => Array.Empty<byte>(),
        };

        var error = await Assert.ThrowsAsync<BadRequestException>(() => store.SaveAsync("Case", "42", "证据.pdf", new MemoryStream(content)));
        Assert.Contains(message, error.Message);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(error.Message, Assert.Single(error.Errors["file"]));
        Assert.Equal(0, await factory.Db(scope).Attachments.CountAsync());
        var uploads = Path.Combine(database.DataDir, "uploads");
        Assert.Empty(Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : []);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Download_StreamsWithTheStoredTypeAsAnAttachment_AndIsAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        _ = factory.Server;
        Guid id;
        await using (var scope = factory.Scope())
            id = (await scope.ServiceProvider.GetRequiredService<AttachmentStore>().SaveAsync("Case", "7", "判决书 (1).pdf", new MemoryStream(Pdf))).Id;

        await using (var scope = factory.Scope())
        {
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var body = new MemoryStream();
            http.Response.Body = body;
            var result = await scope.ServiceProvider.GetRequiredService<AttachmentStore>().DownloadAsync(id);
            await result.ExecuteAsync(http);

            Assert.Equal("application/pdf", http.Response.ContentType);
            var disposition = http.Response.Headers.ContentDisposition.ToString();
            Assert.StartsWith("attachment;", disposition, StringComparison.Ordinal);
            Assert.Contains("filename*=UTF-8''", disposition, StringComparison.Ordinal);
            Assert.Equal(Pdf, body.ToArray());
            Assert.Equal(1, await factory.Db(scope).AuditEntries.CountAsync(a => a.Action == "attachment.download" && a.EntityId == id.ToString()));

            await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<AttachmentStore>().DownloadAsync(Guid.NewGuid()));
        }
    }
}
