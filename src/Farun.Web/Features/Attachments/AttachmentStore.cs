using System.Security.Cryptography;
using Farun.Data;
using Farun.Features.Attachments;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Attachments;

/// <summary>Settings under <c>Farun:Uploads</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Farun:Uploads";

    /// <summary>Largest accepted file in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Accepted types (default all: Pdf, Jpeg, Png, Docx, Xlsx, Text).</summary>
    public List<AttachmentType> AllowedTypes { get; set; } = [];

    public IReadOnlyCollection<AttachmentType> EffectiveTypes => AllowedTypes.Count > 0 ? AllowedTypes : Enum.GetValues<AttachmentType>();
}

/// <summary>
/// Stores files for any owner (a case, an application) under <c>{Farun:DataDir}/uploads/yyyy/MM/{id}</c>.
/// <list type="bullet">
/// <item>The type comes from the content (<see cref="FileSniffer"/>): a PDF that is really an executable or a web
/// page is refused; the name's extension must match the content.</item>
/// <item>Size limit while streaming (nothing larger than the limit is ever written in full); SHA-256 recorded.</item>
/// <item>The file name is sanitised and kept only in the database; on disk the file is its id.</item>
/// <item>Uploads are audited ("attachment.upload") in the same transaction as the row; downloads through
/// <see cref="DownloadAsync"/> are audited ("attachment.download").</item>
/// </list>
/// Whether the caller may attach to or read from an owner is the owner's feature's decision, made before calling this.
/// Bad files answer 400 with a Chinese message under the field "file".
/// </summary>
public sealed class AttachmentStore(
    FarunDbContext db,
    AuditLog audit,
    IOptions<AttachmentOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    IHttpContextAccessor http,
    ILogger<AttachmentStore> logger)
{
    public const string Field = "file";

    public string UploadsRoot { get; } = Path.Combine(FarunOptions.ResolveDataDir(configuration), "uploads");

    /// <summary>
    /// Checks and stores a file, adds its row and an audit entry to the unit of work and saves: whatever the caller
    /// staged on the same DbContext before (e.g. a timeline event "attachment added") commits in the same transaction.
    /// If saving fails the file is removed again.
    /// </summary>
    public async Task<Attachment> SaveAsync(string ownerType, string ownerId, string? fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerType);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (ownerType.Length > 64 || ownerId.Length > 64)
            throw new ArgumentException("Owner type and id have at most 64 characters.");
        var o = options.Value;
        var name = AttachmentFileName.Sanitize(fileName);
        var id = Guid.NewGuid();
        var now = time.GetUtcNow();
        var storageKey = $"{now:yyyy}/{now:MM}/{id:N}";
        var finalPath = Path.Combine(UploadsRoot, storageKey);
        var tempDir = Path.Combine(UploadsRoot, "tmp");
        Directory.CreateDirectory(tempDir);
        var tempPath = Path.Combine(tempDir, id.ToString("N") + ".part");

        try
        {
            long size = 0;
            string sha256;
            SniffResult sniff;
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(tempPath, fileOptions))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > o.MaxBytes)
                        throw Refuse($"文件超过大小上限（{FormatSize(o.MaxBytes)}），请压缩或拆分后再上传。");
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                if (size == 0)
                    throw Refuse("文件为空，请重新选择文件。");
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                await file.FlushAsync(ct);
                sniff = FileSniffer.Sniff(file);
            }

            if (sniff.Type is not { } type)
                throw Refuse(sniff.Refusal ?? FileSniffer.NotAllowed);
            if (!o.EffectiveTypes.Contains(type))
                throw Refuse($"不支持上传{FileSniffer.Display(type)}。");
            var extension = AttachmentFileName.Extension(name);
            var allowed = FileSniffer.Extensions(type);
            if (extension.Length == 0 || (!allowed.Contains(extension) && !LooksLikeExtension(extension)))
                name = AttachmentFileName.Sanitize(name + allowed[0]);
            else if (!allowed.Contains(extension))
                throw Refuse($"文件扩展名（{extension}）与文件的实际内容（{FileSniffer.Display(type)}）不符，请确认文件后重新上传。");

            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            File.Move(tempPath, finalPath);
            var (kind, actorId, actorName) = AuditLog.Actor(http.HttpContext?.User);
            var attachment = new Attachment(id, ownerType, ownerId, name, type, sniff.ContentType, size, sha256, storageKey, kind, actorId, actorName, now);
            db.Attachments.Add(attachment);
            audit.Record("attachment.upload", nameof(Attachment), id, new { ownerType, ownerId, type = type.ToString(), size, sha256 });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                db.Entry(attachment).State = EntityState.Detached;
                TryDelete(finalPath);
                throw;
            }

            logger.LogInformation("Stored attachment {Id} ({Type}, {Size} bytes) for {OwnerType} {OwnerId}", id, type, size, ownerType, ownerId);
            return attachment;
        }
        finally
        {
            TryDelete(tempPath);
        }
    }

    /// <summary><see cref="SaveAsync(string, string, string?, Stream, CancellationToken)"/> for an uploaded form file.</summary>
    public async Task<Attachment> SaveAsync(string ownerType, string ownerId, IFormFile? file, CancellationToken ct = default)
    {
        if (file is null)
            throw Refuse("请选择要上传的文件。");
        if (file.Length > options.Value.MaxBytes)
            throw Refuse($"文件超过大小上限（{FormatSize(options.Value.MaxBytes)}），请压缩或拆分后再上传。");
        await using var stream = file.OpenReadStream();
        return await SaveAsync(ownerType, ownerId, file.FileName, stream, ct);
    }

    public Task<List<Attachment>> ListAsync(string ownerType, string ownerId, CancellationToken ct = default) =>
        db.Attachments.AsNoTracking().Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId).OrderBy(a => a.UploadedAt).ToListAsync(ct);

    public Task<Attachment?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The row and a read stream of the content (the caller disposes it); 404 when either is missing.
    /// Not audited: use <see cref="DownloadAsync"/> to hand the file to a user.</summary>
    public async Task<(Attachment Attachment, Stream Content)> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var attachment = await FindAsync(id, ct) ?? throw new NotFoundException("附件不存在。");
        var path = Path.Combine(UploadsRoot, attachment.StorageKey);
        try
        {
            return (attachment, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            logger.LogError("Attachment {Id} has no file at {Key}", id, attachment.StorageKey);
            throw new NotFoundException("附件文件已丢失，请联系管理员。");
        }
        catch (DirectoryNotFoundException)
        {
            logger.LogError("Attachment {Id} has no file at {Key}", id, attachment.StorageKey);
            throw new NotFoundException("附件文件已丢失，请联系管理员。");
        }
    }

    /// <summary>
    /// The response for a download, after the owner's feature has authorised it: the stored content type, always as an
    /// attachment (never rendered inline) with the original name, and an audit entry "attachment.download" written at once.
    /// </summary>
    public async Task<IResult> DownloadAsync(Guid id, CancellationToken ct = default)
    {
        var (attachment, content) = await OpenAsync(id, ct);
        try
        {
            await audit.RecordNowAsync("attachment.download", nameof(Attachment), id, new { attachment.OwnerType, attachment.OwnerId }, ct);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return TypedResults.File(content, attachment.ContentType, attachment.OriginalName, lastModified: attachment.UploadedAt,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    private static BadRequestException Refuse(string message) => BadRequestException.ForField(Field, message);

    /// <summary>".pdf" is an extension; "张三 v2.0 final" has none worth keeping.</summary>
    private static bool LooksLikeExtension(string extension) => extension.Length <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit);

    /// <summary>A size as people read it: "10 MB", "512 KB".</summary>
    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} 字节";

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete {Path}", path);
        }
    }
}
