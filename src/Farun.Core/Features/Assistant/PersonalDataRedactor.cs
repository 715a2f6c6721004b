using System.Text;
using System.Text.RegularExpressions;
using Farun.Common.Validation;

namespace Farun.Features.Assistant;

/// <summary>What kind of personal data a placeholder stands for.</summary>
public enum RedactionKind
{
    /// <summary>【姓名】.</summary>
    Name = 1,

    /// <summary>【身份证号】.</summary>
    IdNumber = 2,

    /// <summary>【电话】.</summary>
    Phone = 3,

    /// <summary>【地址】.</summary>
    Address = 4,

    /// <summary>【号码】: another long number (bank card, account).</summary>
    Number = 5,

    /// <summary>【邮箱】.</summary>
    Email = 6,
}

/// <summary>Text with personal data replaced by placeholders, and what was replaced (never the data itself).</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactionKind> Found)
{
    public bool Changed => Found.Count > 0;
}

/// <summary>
/// Replaces personal data in free text with placeholders (【姓名】【身份证号】【电话】【地址】【号码】【邮箱】) before the
/// text is logged, searched, sent to a language model or shown again. Rules, in order: ID numbers (checked with
/// <see cref="ChineseIdCard"/>; any 15- or 18-character ID-shaped number is removed even when its check digit is wrong),
/// mobile and landline phones (checked with <see cref="PhoneNumber"/>; public service numbers such as 12348 and 110 are
/// kept), other numbers of 12 or more digits, e-mail addresses, addresses after 住在/地址 or shaped like a street
/// address with a house number, and names after self-introductions (我叫), before titles (先生, 女士, 师傅) or after
/// relations (老公, 房东, 老板) when they start with a common surname. It errs on the side of removing too much: a name
/// it misses is a leak, a word it removes only makes the question a little vaguer.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Placeholder(RedactionKind kind) => kind switch
    {
        RedactionKind.Name => "【姓名】",
        RedactionKind.IdNumber => "【身份证号】",
        RedactionKind.Phone => "【电话】",
        RedactionKind.Address => "【地址】",
        RedactionKind.Number => "【号码】",
        RedactionKind.Email => "【邮箱】",
        _ => "【个人信息】",
    };

    // Common surnames (single and compound). Characters that are mostly function words (于, 向, 和, 从, 把, 都, 也)
    // are left out on purpose: they are rare as surnames and common in questions.
    private const string SingleSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳欧管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "司徒", "夏侯", "尉迟", "长孙", "宇文", "公孙", "端木"];

    // Words that follow a relation word and look like a surname + given name but are not names.
    private static readonly HashSet<string> NotNames =
    [
        "公司", "单位", "家里", "家人", "一直", "一起", "一下", "一次", "一个", "一点", "现在", "经常", "常常", "马上", "全部", "全家",
        "方面", "方式", "高兴", "明明", "明天", "明年", "时候", "时间", "时常", "安排", "成天", "成功", "文件", "金额", "路上", "关系",
        "工资", "工钱", "江湖", "华为", "石头", "白天", "黄金", "房子", "房租", "房间", "车子", "车祸", "车辆", "应该", "宁愿", "曾经",
        "管理", "管我", "商量", "单独", "单方", "齐全", "孔子", "向我", "万元", "千元", "百元", "包括", "解除", "解释", "连续", "全额",
        "程序", "司法", "师傅", "朱门", "童年", "童工", "冷暴", "武力", "严重", "常年", "时不", "多次", "毛钱", "欧元", "米的",
    ];

    private static readonly HashSet<char> StopChars =
    [
        .. "，。、！？；：,.!?;: \t\r\n()（）“”\"'‘’《》【】",
        .. "说把不没拖欠打要在是和跟让给的了借向从去来还已也都又就才被对每总几两三四五六七八九十百千万元年月日号",
    ];

    // Inside a name, numerals are ordinary characters (张三, 李四, 王五).
    private static readonly HashSet<char> NameStopChars = [.. StopChars.Where(c => !"两三四五六七八九十百千万".Contains(c, StringComparison.Ordinal))];

    private static readonly string[] RelationWords =
    [
        "前夫", "前妻", "老公", "丈夫", "妻子", "老婆", "爱人", "儿子", "女儿", "父亲", "母亲", "爸爸", "妈妈", "哥哥", "姐姐", "弟弟",
        "妹妹", "同事", "邻居", "朋友", "房东", "租客", "房客", "老板", "对方", "被告", "原告", "借款人", "债务人", "包工头", "工头",
        "经理", "主管", "男友", "女友", "男朋友", "女朋友", "亲戚", "舅舅", "叔叔", "姑姑", "婆婆", "公公", "岳父", "岳母", "业主",
    ];

    private static readonly string[] IntroWords = ["我的名字叫", "我的名字是", "我叫", "名字叫", "名叫", "叫做", "姓名是", "姓名：", "姓名:", "姓名", "本人叫", "本人是"];

    private static readonly string[] Titles =
        ["先生", "女士", "小姐", "师傅", "老师", "经理", "律师", "法官", "医生", "主任", "阿姨", "大爷", "大妈", "同志", "总", "警官"];

    /// <summary>Replaces personal data in <paramref name="text"/>; null or blank gives an empty result.</summary>
    public static RedactionResult Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new RedactionResult(text ?? "", []);

        // Full-width digits and letters (１３８…) become ASCII first, so every rule sees one form.
        var s = FoldWidth(text);
        var found = new List<RedactionKind>();
        s = IdRegex().Replace(s, m => Replace(found, ChineseIdCard.TryParse(m.Value, out _, out _) || m.Length == 18 || m.Length == 15
            ? RedactionKind.IdNumber : RedactionKind.Number));
        s = MobileRegex().Replace(s, m => PhoneNumber.TryNormalize(m.Value, out var p, out _) && p.Kind != PhoneNumberKind.ServiceNumber
            ? Replace(found, RedactionKind.Phone) : m.Value);
        s = LandlineRegex().Replace(s, m => PhoneNumber.TryNormalize(m.Value, out var p, out _) && p.Kind != PhoneNumberKind.ServiceNumber
            ? Replace(found, RedactionKind.Phone) : m.Value);
        s = LongNumberRegex().Replace(s, _ => Replace(found, RedactionKind.Number));
        s = EmailRegex().Replace(s, _ => Replace(found, RedactionKind.Email));
        s = AddressCueRegex().Replace(s, m => m.Groups["cue"].Value + Replace(found, RedactionKind.Address));
        s = StreetAddressRegex().Replace(s, _ => Replace(found, RedactionKind.Address));
        s = RedactNames(s, found);
        return new RedactionResult(s, found.Distinct().ToList());
    }

    /// <summary>Whether <paramref name="text"/> still contains something the redactor would remove.</summary>
    public static bool ContainsPersonalData(string? text) => Redact(text).Changed;

    private static string Replace(List<RedactionKind> found, RedactionKind kind)
    {
        found.Add(kind);
        return Placeholder(kind);
    }

    private static string FoldWidth(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                '＋' => '+',
                '－' => '-',
                '＠' => '@',
                _ => c,
            });
        }

        return b.ToString();
    }

    private static string RedactNames(string s, List<RedactionKind> found)
    {
        var b = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (TryName(s, i, out var cueLength, out var nameLength))
            {
                b.Append(s, i, cueLength);
                b.Append(Replace(found, RedactionKind.Name));
                i += cueLength + nameLength;
                continue;
            }

            b.Append(s[i]);
            i++;
        }

        return b.ToString();
    }

    /// <summary>A name starting at <paramref name="start"/> (after a cue of <paramref name="cueLength"/> characters).</summary>
    private static bool TryName(string s, int start, out int cueLength, out int nameLength)
    {
        cueLength = 0;
        nameLength = 0;
        // 1. Self-introduction: 我叫王小明 — any two or three characters, surname or not.
        foreach (var intro in IntroWords)
        {
            if (string.CompareOrdinal(s, start, intro, 0, intro.Length) != 0)
                continue;
            var n = GivenRun(s, start + intro.Length, 1, 4, NameStopChars);
            if (n >= 2)
            {
                cueLength = intro.Length;
                nameLength = Math.Min(n, 4);
                return true;
            }
        }

        // 2. Relation + surname + given name: 老公王小明打我.
        foreach (var relation in RelationWords)
        {
            if (string.CompareOrdinal(s, start, relation, 0, relation.Length) != 0)
                continue;
            var at = start + relation.Length;
            var surname = SurnameLength(s, at);
            if (surname == 0)
                continue;
            var given = GivenRun(s, at + surname, 1, 2, NameStopChars);
            if (given == 0)
                continue;
            var candidate = s.Substring(at, surname + given);
            var next = at + surname + given;
            if ((next >= s.Length || StopChars.Contains(s[next])) && !NotNames.Contains(candidate) && !NotNames.Contains(candidate[..Math.Min(2, candidate.Length)]))
            {
                cueLength = relation.Length;
                nameLength = surname + given;
                return true;
            }
        }

        // 3. Surname + given name + title: 张小明先生, 李娟女士 (王老板 alone is kept: a surname says little).
        if (start == 0 || !IsHan(s[start - 1]) || StopChars.Contains(s[start - 1]) || IsCueEnd(s, start))
        {
            var surname = SurnameLength(s, start);
            if (surname > 0)
            {
                for (var given = 2; given >= 1; given--)
                {
                    var end = start + surname + given;
                    if (end > s.Length || GivenRun(s, start + surname, given, given) != given)
                        continue;
                    var candidate = s.Substring(start, surname + given);
                    if (NotNames.Contains(candidate))
                        continue;
                    if (Titles.Any(t => string.CompareOrdinal(s, end, t, 0, t.Length) == 0))
                    {
                        nameLength = surname + given;
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsCueEnd(string s, int start) => start >= 1 && s[start - 1] is '找' or '和' or '跟' or '与' or '给' or '向' or '被' or '让';

    private static int SurnameLength(string s, int at)
    {
        if (at >= s.Length)
            return 0;
        foreach (var c in CompoundSurnames)
        {
            if (string.CompareOrdinal(s, at, c, 0, c.Length) == 0)
                return c.Length;
        }

        return SingleSurnames.Contains(s[at], StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>Han characters from <paramref name="at"/> that are not stop characters, between min and max of them (0 if fewer than min).</summary>
    private static int GivenRun(string s, int at, int min, int max, HashSet<char>? stops = null)
    {
        stops ??= StopChars;
        var n = 0;
        while (at + n < s.Length && n < max && IsHan(s[at + n]) && !stops.Contains(s[at + n]))
            n++;
        return n >= min ? n : 0;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2}(?![0-9])")]
    private static partial Regex MobileRegex();

    [GeneratedRegex(@"(?<![0-9])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s\-]?\d{7,8}(?![0-9])")]
    private static partial Regex LandlineRegex();

    [GeneratedRegex(@"(?<![0-9])\d{12,}(?![0-9])")]
    private static partial Regex LongNumberRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<cue>住在|住址是|住址在|住址[:：]?|家住|家庭住址[:：]?|地址是|地址[:：]|居住在|现住)(?!【)[^，。,.!！?？;；\s]{2,40}")]
    private static partial Regex AddressCueRegex();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{0,10}?[\u4e00-\u9fa5]{1,8}(?:路|街|巷|弄|大道|村|组|小区|花园|苑|公寓|大厦|新村)[\u4e00-\u9fa5\-]{0,6}?\d+\s*(?:号|栋|幢|单元|室|弄|组)(?:\s*[\d\-]+\s*(?:号楼|号|栋|幢|单元|室|楼|层))*")]
    private static partial Regex StreetAddressRegex();
}
