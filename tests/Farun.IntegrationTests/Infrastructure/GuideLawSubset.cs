namespace Farun.IntegrationTests.Infrastructure;

/// <summary>
/// The law files the shipped procedure guides cite, copied at test time from the shared corpus into a temporary
/// folder (the corpus is never committed). Used to validate guides against a real law library.
/// </summary>
public static class GuideLawSubset
{
    public static readonly IReadOnlyList<string> Files =
    [
        "行政法/法律援助法(2021-08-20).md",
        "行政法规/保障农民工工资支付条例(2019-12-30).md",
        "行政法规/劳动保障监察条例(2004-11-01).md",
        "诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md",
        "社会法/劳动合同法(2012-12-28).md",
        "民法典/总则.md",
        "民法典/婚姻家庭编.md",
        "民法典/继承编.md",
        "民法典/侵权责任编.md",
        "社会法/反家庭暴力法(2015-12-27).md",
        "行政法/道路交通安全法(2021-04-29).md",
        "部门规章/公安部/道路交通事故处理程序规定(2018-02-02).md",
        "诉讼与非诉讼程序法/人民调解法(2010-08-28).md",
        "诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md",
        "行政法/公证法(2017-09-01).md",
    ];

    /// <summary>Copies the files from <paramref name="corpus"/> into a new folder under <paramref name="parent"/> and returns it.</summary>
    public static string CopyTo(string corpus, string parent)
    {
        var root = Path.Combine(parent, "laws-guides-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Files)
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(corpus, file), target);
        }

        return root;
    }
}
