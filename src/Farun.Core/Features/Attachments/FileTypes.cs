using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Farun.Features.Attachments;

/// <summary>The kinds of file that may be attached.</summary>
public enum AttachmentType
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Docx = 4,
    Xlsx = 5,
    Text = 6,
}

/// <summary>What content sniffing found: a type to accept, or why the file is refused (Chinese, for the user).</summary>
public sealed record SniffResult(AttachmentType? Type, string ContentType, string? Refusal)
{
    public static SniffResult Refuse(string reason) => new(null, "", reason);
}

/// <summary>
/// Recognises a file by its content (magic bytes and structure), never by its name or the client's content type:
/// PDF (<c>%PDF-</c>), PNG (8-byte signature), JPEG (<c>FF D8 FF</c>), DOCX and XLSX (a ZIP holding
/// <c>[Content_Types].xml</c> and <c>word/document.xml</c> or <c>xl/workbook.xml</c>, without macros) and plain text
/// (valid UTF-8 or GB18030 without control characters, and not markup: HTML, SVG or XML are refused, since a browser
/// may run them). Everything else, executables in particular, is refused.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    // Windows PE, ELF, scripts with a shebang, Mach-O (both byte orders) and Java classes / universal binaries.
    private static readonly byte[][] Executables = ["MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46], "#!"u8.ToArray(), [0xCF, 0xFA, 0xED, 0xFE], [0xFE, 0xED, 0xFA, 0xCF], [0xCA, 0xFE, 0xBA, 0xBE]];

    private static readonly string[] MarkupMarkers = ["<script", "<html", "<!doctype", "<svg", "<iframe", "<body", "<?xml", "<object", "<embed", "javascript:"];

    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Display(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "PDF 文档",
        AttachmentType.Jpeg => "JPEG 图片",
        AttachmentType.Png => "PNG 图片",
        AttachmentType.Docx => "Word 文档（.docx）",
        AttachmentType.Xlsx => "Excel 表格（.xlsx）",
        AttachmentType.Text => "纯文本文件（.txt）",
        _ => type.ToString(),
    };

    /// <summary>Accepted file-name extensions of each type; the first is used when a name has none.</summary>
    public static IReadOnlyList<string> Extensions(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => [".pdf"],
        AttachmentType.Jpeg => [".jpg", ".jpeg", ".jpe"],
        AttachmentType.Png => [".png"],
        AttachmentType.Docx => [".docx"],
        AttachmentType.Xlsx => [".xlsx"],
        AttachmentType.Text => [".txt"],
        _ => [],
    };

    /// <summary>Sniffs a whole file; the stream must be seekable (it is read from the start and left at an undefined position).</summary>
    public static SniffResult Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var head = new byte[16];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, read);
        if (read == 0)
            return SniffResult.Refuse("文件为空。");
        if (h.StartsWith(PdfMagic))
            return new SniffResult(AttachmentType.Pdf, "application/pdf", null);
        if (h.StartsWith(PngMagic))
            return new SniffResult(AttachmentType.Png, "image/png", null);
        if (h.StartsWith(JpegMagic))
            return new SniffResult(AttachmentType.Jpeg, "image/jpeg", null);
        if (h.StartsWith(ZipMagic))
            return SniffZip(content);
        if (IsExecutable(h))
            return SniffResult.Refuse("该文件是可执行程序或脚本，不能上传。");
        return SniffText(content);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head)
    {
        foreach (var magic in Executables)
        {
            if (head.StartsWith(magic))
                return true;
        }

        return false;
    }

    private static SniffResult SniffZip(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
                return SniffResult.Refuse(NotAllowed);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return SniffResult.Refuse("该文件含有宏，不能上传。请另存为不含宏的 .docx 或 .xlsx 文件。");
            if (names.Contains("word/document.xml"))
                return new SniffResult(AttachmentType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null);
            if (names.Contains("xl/workbook.xml"))
                return new SniffResult(AttachmentType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null);
            return SniffResult.Refuse(NotAllowed);
        }
        catch (InvalidDataException)
        {
            return SniffResult.Refuse("文件已损坏，无法识别。");
        }
    }

    private static SniffResult SniffText(Stream content)
    {
        content.Position = 0;
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        string text;
        string contentType;
        if (TryDecode(bytes, new UTF8Encoding(false, throwOnInvalidBytes: true), out var utf8))
        {
            text = utf8;
            contentType = "text/plain; charset=utf-8";
        }
        else if (TryDecode(bytes, Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), out var gb))
        {
            text = gb;
            contentType = "text/plain; charset=gb18030";
        }
        else
        {
            return SniffResult.Refuse(NotAllowed);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r' and not '\f')
                return SniffResult.Refuse(NotAllowed);
        }

        var start = text.TrimStart();
        if (start.StartsWith('<') || MarkupMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            return SniffResult.Refuse("该文件是网页、脚本或标记文件，不能上传。");
        return new SniffResult(AttachmentType.Text, contentType, null);
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, Encoding encoding, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    public const string NotAllowed = "不支持的文件类型：只能上传 PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）或纯文本（.txt）文件。";
}

/// <summary>File names from uploads, made safe to store and to offer again on download.</summary>
public static class AttachmentFileName
{
    public const int MaxLength = 120;

    private static readonly char[] Invalid = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>
    /// The last path segment only; Unicode NFC; control and formatting characters removed (right-to-left overrides that
    /// disguise "exe.pdf"); characters invalid on Windows replaced by "_"; whitespace collapsed; leading and trailing dots
    /// and spaces trimmed; at most 120 characters, keeping the extension. Empty → "附件".
    /// </summary>
    public static string Sanitize(string? name)
    {
        var value = (name ?? "").Replace('\\', '/');
        value = value[(value.LastIndexOf('/') + 1)..];
        value = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                    builder.Append(' ');
                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                continue;

            builder.Append(Array.IndexOf(Invalid, c) >= 0 ? '_' : c);
        }

        var clean = builder.ToString().Trim(' ', '.');
        if (clean.Length == 0)
            return "附件";
        if (clean.Length <= MaxLength)
            return clean;
        var extension = Path.GetExtension(clean);
        if (extension.Length is 0 or > 10)
            return clean[..MaxLength];
        var stem = clean[..^extension.Length];
        return stem[..Math.Min(stem.Length, MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
    }

    /// <summary>The lower-case extension with its dot, or "".</summary>
    public static string Extension(string name) => Path.GetExtension(name).ToLowerInvariant();
}
