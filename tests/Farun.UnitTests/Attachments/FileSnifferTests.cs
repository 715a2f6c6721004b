using System.Text;
using Farun.Features.Attachments;

namespace Farun.UnitTests.Attachments;

public sealed class FileSnifferTests
{
    public static TheoryData<string, AttachmentType> Accepted => new()
    {
        { nameof(SampleFiles.Pdf), AttachmentType.Pdf },
        { nameof(SampleFiles.Png), AttachmentType.Png },
        { nameof(SampleFiles.Jpeg), AttachmentType.Jpeg },
        { nameof(SampleFiles.Docx), AttachmentType.Docx },
        { nameof(SampleFiles.Xlsx), AttachmentType.Xlsx },
        { nameof(SampleFiles.Text), AttachmentType.Text },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Sniff_RecognisesAllowedTypesByContent(string sample, AttachmentType expected)
    {
        var result = FileSniffer.Sniff(new MemoryStream(Sample(sample)));
        Assert.Equal(expected, result.Type);
        Assert.Null(result.Refusal);
        Assert.NotEmpty(result.ContentType);
    }

    [Theory]
    [InlineData(nameof(SampleFiles.Exe), "可执行程序")]
    [InlineData(nameof(SampleFiles.Html), "网页")]
    [InlineData(nameof(SampleFiles.Docm), "宏")]
    [InlineData(nameof(SampleFiles.PlainZip), "不支持的文件类型")]
    public void Sniff_RefusesDangerousOrUnknownContent(string sample, string reason)
    {
        var result = FileSniffer.Sniff(new MemoryStream(Sample(sample)));
        Assert.Null(result.Type);
        Assert.Contains(reason, result.Refusal);
    }

    [Theory]
    [InlineData("  <svg onload=alert(1)>")]
    [InlineData("正文\n<script>alert(1)</script>")]
    [InlineData("<?xml version=\"1.0\"?><a/>")]
    [InlineData("链接 javascript:alert(1)")]
    public void Sniff_RefusesMarkupDressedAsText(string text)
    {
        Assert.Null(FileSniffer.Sniff(new MemoryStream(Encoding.UTF8.GetBytes(text))).Type);
    }

    [Fact]
    public void Sniff_AcceptsGb18030Text_AndRefusesBinaryNoise()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding(54936).GetBytes("法律援助申请书：本人因经济困难申请法律援助。");
        var result = FileSniffer.Sniff(new MemoryStream(gb));
        Assert.Equal(AttachmentType.Text, result.Type);
        Assert.Contains("gb18030", result.ContentType);

        var noise = new byte[256];
        new Random(7).NextBytes(noise);
        noise[0] = 0x00;
        Assert.Null(FileSniffer.Sniff(new MemoryStream(noise)).Type);
        Assert.Null(FileSniffer.Sniff(new MemoryStream([])).Type);
    }

    [Fact]
    public void Sniff_CorruptZip_IsRefused()
    {
        var corrupt = SampleFiles.Docx[..40];
        Assert.Null(FileSniffer.Sniff(new MemoryStream(corrupt)).Type);
    }

    [Theory]
    [InlineData("申请书.pdf", "申请书.pdf")]
    [InlineData("C:\\Users\\张三\\Desktop\\身份证.jpg", "身份证.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("合同\u202Efdp.exe", "合同fdp.exe")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt")]
    [InlineData("  多   空格\t文件 .pdf  ", "多 空格 文件 .pdf")]
    [InlineData("...", "附件")]
    [InlineData("", "附件")]
    [InlineData(null, "附件")]
    [InlineData("line\r\nbreak.pdf", "line break.pdf")]
    [InlineData("bell\u0007.pdf", "bell.pdf")]
    public void Sanitize_KeepsAUsableName(string? input, string expected) => Assert.Equal(expected, AttachmentFileName.Sanitize(input));

    [Fact]
    public void Sanitize_TruncatesLongNames_KeepingTheExtension()
    {
        var name = AttachmentFileName.Sanitize(new string('长', 300) + ".docx");
        Assert.Equal(AttachmentFileName.MaxLength, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
    }

    private static byte[] Sample(string name) => (byte[])typeof(SampleFiles).GetProperty(name)!.GetValue(null)!;
}
