using System.IO.Compression;
using System.Text;

namespace Farun.UnitTests.Attachments;

/// <summary>Small files of each kind, made in memory.</summary>
public static class SampleFiles
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] Png => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    public static byte[] Exe => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]];

    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>");

    public static byte[] Text => Encoding.UTF8.GetBytes("申请人：张三\n事由：追索劳动报酬\n");

    public static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Docm => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "macro"));

    public static byte[] PlainZip => Zip(("setup.exe", "MZ"));

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
