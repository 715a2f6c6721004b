using System.Globalization;
using Farun.Law.Corpus;

namespace Farun.Law.Citations;

/// <summary>
/// Finds statute citations in Chinese text: 《中华人民共和国劳动合同法》第八十二条, 劳动合同法第82条, 民法典1079条,
/// 民法典第一千零七十九条第二款, 刑法第二百八十七条之二, 第X条第Y款第Z项, lists (第1079条、第1080条和第1081条) and ranges
/// (第十条至第十二条) whose later members inherit the law, abbreviations known to the <see cref="LawNameIndex"/>,
/// full-width digits, 〈〉 and stray spaces. Without an index, law names are taken from 《…》 or from a generic
/// pattern (a name ending in 法, 条例, 规定, 办法, 解释, …) and <see cref="Citation.LawKey"/> stays null.
/// Thread-safe.
/// </summary>
public sealed class CitationParser
{
    /// <summary>Article numbers above this are rejected as absurd (the Civil Code, the longest law, has 1,260).</summary>
    public const int MaxArticleNumber = 3000;

    private const int MaxParagraphNumber = 50;
    private const int MaxItemNumber = 100;
    private const int MaxRangeSize = 200;
    private const int MaxNameLength = 60;

    private static readonly string[] SelfWords = ["本法典", "本条例", "本规定", "本办法", "本解释", "本细则", "本决定", "本规则", "本通则", "本准则", "本法"];
    private static readonly string[] SameWords = ["上述法律", "前述法律", "该条例", "该规定", "该办法", "该解释", "该细则", "该法"];
    private static readonly string[] LawSuffixes = ["法典", "法", "条例", "规定", "办法", "解释", "细则", "决定", "规则", "通则", "准则"];

    /// <summary>
    /// Words after which a generic law name starts (根据劳动合同法 → 劳动合同法, 属于婚姻法 → 婚姻法). Single
    /// characters are skipped where they form a word with their neighbour (对外, 国有, 行为, 犯罪; see IsCompound).
    /// </summary>
    private static readonly string[] CutWords =
    [
        "根据", "依据", "依照", "按照", "参照", "对照", "违反", "适用", "援引", "引用", "请问", "一下", "以及", "还有", "关于适用",
        "属于", "认定为", "认定是", "符合", "基于", "对于", "具有", "享有", "承担", "可以", "应当", "不得", "未按", "如无",
        "或者", "并且", "规定的", "规定", "构成", "实施", "比照", "遵守", "不影响", "采取", "修正后", "修正前", "修订后",
        "修订前", "修改后", "修改前", "达到", "超过", "超出", "是指", "履行", "认为", "违背", "不受", "具备", "存在",
        "以", "将", "仅", "并", "但", "即", "把", "均", "对", "除", "有", "为", "犯", "在",
    ];

    private static readonly HashSet<string> NotLawNames = new(StringComparer.Ordinal)
    {
        "方法", "做法", "办法", "想法", "说法", "看法", "写法", "用法", "算法", "手法", "立法", "执法", "司法", "守法", "违法",
        "合法", "非法", "依法", "新法", "旧法", "原法", "此法", "上位法", "下位法", "这部法", "那部法", "规定", "解释", "决定",
        "有关规定", "相关规定", "上述规定", "以下规定", "下列规定", "前述规定", "其他规定", "其它规定", "具体规定", "特别规定",
    };

    private readonly LawNameIndex? _index;

    /// <summary>Creates a parser; with an <paramref name="index"/>, law names resolve to keys and unknown names are errors.</summary>
    public CitationParser(LawNameIndex? index = null)
    {
        _index = index;
    }

    /// <summary>Finds every citation in <paramref name="text"/>.</summary>
    /// <param name="text">Free text.</param>
    /// <param name="defaultLawKey">The law meant by citations that name none (第八条, 本法第八条) before any law is named.</param>
    public CitationParseResult Parse(string text, string? defaultLawKey = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new Run(this, text, defaultLawKey);
        run.Execute();
        if (run.Citations.Count == 0 && run.Errors.Count == 0)
        {
            run.Errors.Add(new CitationError(new TextSpan(0, text.Length), CitationErrorKind.NoCitation, "未找到法条引用"));
        }

        return new CitationParseResult(run.Citations, run.Errors);
    }

    /// <summary>Parses a text that must hold exactly one citation (e.g. a user typing 民法典第1079条).</summary>
    public SingleCitationResult ParseOne(string text, string? defaultLawKey = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Parse(text, defaultLawKey);
        var error = result.Errors.FirstOrDefault(e => e.Kind != CitationErrorKind.NoCitation);
        if (error is not null)
        {
            return new SingleCitationResult(null, error);
        }

        var whole = new TextSpan(0, text.Length);
        switch (result.Citations.Count)
        {
            case 1:
                return new SingleCitationResult(result.Citations[0], null);
            case > 1:
                return new SingleCitationResult(null, new CitationError(
                    whole,
                    CitationErrorKind.MultipleCitations,
                    $"应只包含一条法条引用，实际找到{result.Citations.Count}条"));
        }

        var trimmedEnd = text.TrimEnd().TrimEnd('。', '，', ',', '.', '；', ';', '！', '!', '？', '?', '：', ':').TrimEnd().Length;
        var run = new Run(this, text, defaultLawKey);
        var law = run.FindLawBefore(trimmedEnd);
        if (law.Kind == LawRefKind.Named)
        {
            return new SingleCitationResult(null, law.Key is null && _index is not null
                ? new CitationError(new TextSpan(law.Start, trimmedEnd - law.Start), CitationErrorKind.UnknownLaw, UnknownLawReason(law.Text!))
                : new CitationError(whole, CitationErrorKind.MissingArticleNumber, $"“{law.Text}”之后缺少条文序号（如“第八十二条”）"));
        }

        return new SingleCitationResult(null, new CitationError(whole, CitationErrorKind.NoCitation, "未找到法条引用"));
    }

    private static string UnknownLawReason(string name) => $"未找到名为“{name}”的法律法规";

    private enum Unit
    {
        Article,
        Paragraph,
        Item,
    }

    private enum LawRefKind
    {
        None,
        Named,
        Self,
        Same,
    }

    private readonly record struct LawRef(LawRefKind Kind, string? Text, string? Key, int Start);

    private readonly record struct Component(Unit Unit, long Value, int Suffix, int Start, int End);

    private sealed class Reference
    {
        public List<Component> Parts { get; } = [];

        public int Start => Parts[0].Start;

        public int End => Parts[^1].End;

        public Unit Top => Parts[0].Unit;

        public Unit Last => Parts[^1].Unit;

        public long? Article { get; set; }

        public int Suffix { get; set; }

        public long? Paragraph { get; set; }

        public long? Item { get; set; }

        public string? LawText { get; set; }

        public string? LawKey { get; set; }

        public bool HasLaw { get; set; }

        public int SpanStart { get; set; }

        public bool Valid { get; set; }
    }

    private sealed class Run(CitationParser owner, string text, string? defaultLawKey)
    {
        private readonly string _w = Prepare(text);
        private readonly bool[] _inBook = MarkBookTitles(text);

        public List<Citation> Citations { get; } = [];

        public List<CitationError> Errors { get; } = [];

        public void Execute()
        {
            var references = Group(Scan());
            Reference? previous = null;
            Reference? lastWithLaw = null;
            foreach (var reference in references)
            {
                var isRange = false;
                var connected = previous is not null && IsConnector(previous.End, reference.Start, out isRange) ? previous : null;
                if (!Resolve(reference, connected, lastWithLaw))
                {
                    continue; // a lone 第二款 (本条第二款, 前款第一项): not a citation
                }

                if (reference.HasLaw)
                {
                    lastWithLaw = reference;
                }

                if (Validate(reference))
                {
                    if (isRange && connected!.Valid)
                    {
                        ExpandRange(connected, reference);
                    }

                    Citations.Add(ToCitation(reference, reference.SpanStart));
                }

                previous = reference;
            }

            var sorted = Errors.OrderBy(e => e.Span.Start).ToList();
            Errors.Clear();
            Errors.AddRange(sorted);
        }

        private static string Prepare(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c is >= '０' and <= '９')
                {
                    chars[i] = (char)(c - '０' + '0');
                }
                else if (char.IsWhiteSpace(c) || c is '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff')
                {
                    chars[i] = ' ';
                }
            }

            return new string(chars);
        }

        /// <summary>Marks characters inside matched 《…》 pairs, where 第X条 belongs to a title, not a citation.</summary>
        private static bool[] MarkBookTitles(string text)
        {
            var marks = new bool[text.Length];
            var open = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '《')
                {
                    open.Push(i);
                }
                else if (text[i] == '》' && open.Count > 0)
                {
                    var start = open.Pop();
                    for (var k = start + 1; k < i; k++)
                    {
                        marks[k] = true;
                    }
                }
            }

            return marks;
        }

        private List<Component> Scan()
        {
            var components = new List<Component>();
            var bare = new List<Component>();
            var i = 0;
            while (i < _w.Length)
            {
                if (_inBook[i])
                {
                    i++;
                    continue;
                }

                if (_w[i] == '第')
                {
                    var outcome = ParseComponent(i, prefixed: true, components, out var end);
                    if (outcome == ParseOutcome.Component)
                    {
                        i = end;
                        continue;
                    }

                    if (outcome == ParseOutcome.MissingNumber)
                    {
                        Errors.Add(new CitationError(new TextSpan(i, end - i), CitationErrorKind.MissingArticleNumber, "缺少条文序号"));
                        i = end;
                        continue;
                    }
                }
                else if (IsNumberStart(i) && ParseComponent(i, prefixed: false, bare, out var bareEnd) == ParseOutcome.Component
                    && BareNumberAllowed(components, i))
                {
                    components.AddRange(bare);
                    bare.Clear();
                    i = bareEnd;
                    continue;
                }

                bare.Clear();
                i++;
            }

            return components;
        }

        private bool IsNumberStart(int i)
        {
            var c = _w[i];
            if (!char.IsAsciiDigit(c) && !ChineseNumerals.IsNumeralChar(c))
            {
                return false;
            }

            if (i == 0)
            {
                return true;
            }

            var before = _w[i - 1];
            return !char.IsAsciiDigit(before) && !ChineseNumerals.IsNumeralChar(before) && before != '第';
        }

        /// <summary>A number without 第 (民法典1079条, 第十条至十二条) counts only after a law name or a list connector.</summary>
        private bool BareNumberAllowed(List<Component> components, int start)
        {
            if (components.Count > 0 && IsConnector(components[^1].End, start, out _) && components[^1].End < start)
            {
                return true;
            }

            return FindLawBefore(start).Kind == LawRefKind.Named;
        }

        private enum ParseOutcome
        {
            None,
            Component,
            MissingNumber,
        }

        /// <summary>
        /// Parses 第X条[之Y], 第X款, 第X项, 第(X)项, or a list of numbers sharing one unit (第十、十一条, 第1至3条),
        /// adding one component per number to <paramref name="sink"/>.
        /// </summary>
        private ParseOutcome ParseComponent(int start, bool prefixed, List<Component> sink, out int end)
        {
            end = start;
            var j = prefixed ? SkipSpaces(start + 1) : start;
            var paren = false;
            if (prefixed && j < _w.Length && _w[j] is '(' or '（')
            {
                paren = true;
                j = SkipSpaces(j + 1);
            }

            var numberStart = j;
            j = ScanNumber(j);
            if (j == numberStart)
            {
                if (!prefixed || paren)
                {
                    return ParseOutcome.None;
                }

                // 第条, 第几条, 第X条: the article number is missing.
                var k = j;
                if (k < _w.Length && "几某XxＸｘ×?？".Contains(_w[k], StringComparison.Ordinal))
                {
                    k = SkipSpaces(k + 1);
                }

                if (k < _w.Length && _w[k] == '条')
                {
                    end = k + 1;
                    return ParseOutcome.MissingNumber;
                }

                return ParseOutcome.None;
            }

            var numbers = new List<(int Start, int End)> { (numberStart, j) };
            while (!paren)
            {
                var k = SkipSpaces(j);
                if (k >= _w.Length || !"、，,和及与或至到~～-—–－".Contains(_w[k], StringComparison.Ordinal))
                {
                    break;
                }

                var m = SkipSpaces(k + 1);
                var e = ScanNumber(m);
                if (e == m)
                {
                    break;
                }

                numbers.Add((m, e));
                j = e;
            }

            j = SkipSpaces(j);
            if (paren)
            {
                if (j >= _w.Length || _w[j] is not (')' or '）'))
                {
                    return ParseOutcome.None;
                }

                j = SkipSpaces(j + 1);
            }

            if (j >= _w.Length)
            {
                return ParseOutcome.None;
            }

            Unit unit;
            switch (_w[j])
            {
                case '条' when !paren:
                    unit = Unit.Article;
                    break;
                case '款' when !paren && prefixed:
                    unit = Unit.Paragraph;
                    break;
                case '项' when prefixed:
                    unit = Unit.Item;
                    break;
                default:
                    return ParseOutcome.None;
            }

            var values = new long[numbers.Count];
            for (var n = 0; n < numbers.Count; n++)
            {
                if (!TryNumber(_w[numbers[n].Start..numbers[n].End], out values[n]))
                {
                    return ParseOutcome.None;
                }
            }

            j++;
            var suffix = 0;
            if (unit == Unit.Article)
            {
                var k = SkipSpaces(j);
                if (k < _w.Length && _w[k] == '之')
                {
                    var s = SkipSpaces(k + 1);
                    var e = ScanNumber(s);
                    if (e > s && TryNumber(_w[s..e], out var suffixValue) && suffixValue is > 0 and < 100)
                    {
                        suffix = (int)suffixValue;
                        j = e;
                    }
                }
            }

            end = j;
            for (var n = 0; n < numbers.Count; n++)
            {
                var last = n == numbers.Count - 1;
                var from = n == 0 ? start : numbers[n].Start;
                var to = last ? end : numbers[n].End;
                sink.Add(new Component(unit, values[n], last ? suffix : 0, from, to));
            }

            return ParseOutcome.Component;
        }

        private int ScanNumber(int j)
        {
            if (j < _w.Length && char.IsAsciiDigit(_w[j]))
            {
                while (j < _w.Length && char.IsAsciiDigit(_w[j]))
                {
                    j++;
                }

                return j;
            }

            while (j < _w.Length && ChineseNumerals.IsNumeralChar(_w[j]))
            {
                j++;
            }

            return j;
        }

        private static bool TryNumber(string numberText, out long value)
        {
            if (char.IsAsciiDigit(numberText[0]))
            {
                if (numberText.Length > 9)
                {
                    value = long.MaxValue; // absurd, reported by validation
                    return true;
                }

                value = long.Parse(numberText, CultureInfo.InvariantCulture);
                return true;
            }

            var ok = ChineseNumerals.TryParse(numberText, out var v);
            value = v;
            return ok;
        }

        private int SkipSpaces(int j)
        {
            while (j < _w.Length && _w[j] == ' ')
            {
                j++;
            }

            return j;
        }

        private List<Reference> Group(List<Component> components)
        {
            var references = new List<Reference>();
            Reference? current = null;
            foreach (var c in components)
            {
                if (current is not null && c.Unit > current.Last && IsBlank(current.End, c.Start))
                {
                    current.Parts.Add(c);
                    continue;
                }

                current = new Reference();
                current.Parts.Add(c);
                references.Add(current);
            }

            foreach (var r in references)
            {
                foreach (var p in r.Parts)
                {
                    switch (p.Unit)
                    {
                        case Unit.Article:
                            r.Article = p.Value;
                            r.Suffix = p.Suffix;
                            break;
                        case Unit.Paragraph:
                            r.Paragraph = p.Value;
                            break;
                        default:
                            r.Item = p.Value;
                            break;
                    }
                }
            }

            return references;
        }

        private bool IsBlank(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (_w[i] != ' ')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when only list or range connectors (、，和及与或以及至到~-) separate two references.</summary>
        private bool IsConnector(int from, int to, out bool isRange)
        {
            isRange = false;
            if (to - from > 6)
            {
                return false;
            }

            for (var i = from; i < to; i++)
            {
                var c = _w[i];
                if (c is '至' or '到' or '~' or '～' or '-' or '—' or '–' or '－')
                {
                    isRange = true;
                }
                else if (c is not (' ' or '、' or '，' or ',' or '；' or ';' or '和' or '及' or '与' or '或' or '以'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Assigns article (for lone 款/项) and law; false when the reference is not a citation.</summary>
        private bool Resolve(Reference r, Reference? connected, Reference? lastWithLaw)
        {
            r.SpanStart = r.Start;
            if (r.Top != Unit.Article)
            {
                if (connected?.Article is null)
                {
                    return false;
                }

                r.Article = connected.Article;
                r.Suffix = connected.Suffix;
                if (r.Top == Unit.Item)
                {
                    r.Paragraph = connected.Paragraph;
                }

                Inherit(r, connected);
                return true;
            }

            var law = FindLawBefore(r.Start);
            switch (law.Kind)
            {
                case LawRefKind.Named:
                    r.LawText = law.Text;
                    r.LawKey = law.Key;
                    r.HasLaw = true;
                    r.SpanStart = law.Start;
                    if (law.Key is null && owner._index is not null)
                    {
                        Errors.Add(new CitationError(new TextSpan(law.Start, r.End - law.Start), CitationErrorKind.UnknownLaw, UnknownLawReason(law.Text!)));
                    }

                    return true;
                case LawRefKind.None when connected is not null:
                    Inherit(r, connected);
                    return true;
                case LawRefKind.Self:
                    r.LawText = law.Text;
                    r.LawKey = defaultLawKey;
                    r.HasLaw = true;
                    r.SpanStart = law.Start;
                    return true;
                case LawRefKind.Same:
                    r.LawText = law.Text;
                    r.LawKey = lastWithLaw?.LawKey;
                    r.HasLaw = true;
                    r.SpanStart = law.Start;
                    return true;
                default:
                    if (lastWithLaw is not null)
                    {
                        Inherit(r, lastWithLaw);
                    }
                    else
                    {
                        r.LawKey = defaultLawKey;
                    }

                    return true;
            }
        }

        private static void Inherit(Reference r, Reference from)
        {
            r.LawKey = from.LawKey;
            r.LawText = null;
        }

        private bool Validate(Reference r)
        {
            r.Valid = false;
            if (r.Article is not { } article)
            {
                return false;
            }

            var written = text[r.Start..r.End];
            if (article == 0 || r.Paragraph == 0 || r.Item == 0)
            {
                var what = article == 0 ? "条文" : r.Paragraph == 0 ? "款" : "项";
                Errors.Add(new CitationError(new TextSpan(r.Start, r.End - r.Start), CitationErrorKind.InvalidArticleNumber, $"“{written}”无效：{what}序号不能为零"));
                return false;
            }

            if (article > MaxArticleNumber || r.Paragraph > MaxParagraphNumber || r.Item > MaxItemNumber)
            {
                var what = article > MaxArticleNumber ? "条文" : r.Paragraph > MaxParagraphNumber ? "款" : "项";
                Errors.Add(new CitationError(new TextSpan(r.Start, r.End - r.Start), CitationErrorKind.InvalidArticleNumber, $"“{written}”无效：{what}序号超出合理范围"));
                return false;
            }

            r.Valid = true;
            return true;
        }

        private void ExpandRange(Reference from, Reference to)
        {
            var level = to.Top;
            var first = level switch
            {
                Unit.Article => from.Article,
                Unit.Paragraph => from.Paragraph,
                _ => from.Item,
            };
            var last = level switch
            {
                Unit.Article => to.Article,
                Unit.Paragraph => to.Paragraph,
                _ => to.Item,
            };
            if (first is not { } a || last is not { } b || (level == Unit.Article && from.Top != Unit.Article))
            {
                return;
            }

            var span = new TextSpan(from.Start, to.End - from.Start);
            var written = text[from.Start..to.End];
            var startKey = (a, level == Unit.Article ? from.Suffix : 0);
            var endKey = (b, level == Unit.Article ? to.Suffix : 0);
            if (startKey.CompareTo(endKey) >= 0)
            {
                Errors.Add(new CitationError(span, CitationErrorKind.InvalidRange, $"范围“{written}”无效：起始序号不小于结束序号"));
                return;
            }

            if (b - a - 1 > MaxRangeSize)
            {
                Errors.Add(new CitationError(span, CitationErrorKind.InvalidRange, $"范围“{written}”过大（超过{MaxRangeSize}条）"));
                return;
            }

            if (level == Unit.Article && a == b)
            {
                // 第一百二十条之一至第一百二十条之三
                for (var s = from.Suffix + 1; s < to.Suffix; s++)
                {
                    Citations.Add(new Citation(null, to.LawKey, new ArticleNumber((int)a, s), null, null, span));
                }

                return;
            }

            for (var v = a + 1; v < b; v++)
            {
                Citations.Add(level switch
                {
                    Unit.Article => new Citation(null, to.LawKey, new ArticleNumber((int)v), null, null, span),
                    Unit.Paragraph => new Citation(null, to.LawKey, new ArticleNumber((int)to.Article!.Value, to.Suffix), (int)v, null, span),
                    _ => new Citation(null, to.LawKey, new ArticleNumber((int)to.Article!.Value, to.Suffix), (int?)to.Paragraph, (int)v, span),
                });
            }
        }

        private Citation ToCitation(Reference r, int spanStart) => new(
            r.LawText,
            r.LawKey,
            new ArticleNumber((int)r.Article!.Value, r.Suffix),
            (int?)r.Paragraph,
            (int?)r.Item,
            new TextSpan(spanStart, r.End - spanStart));

        /// <summary>Finds the law named right before <paramref name="position"/> (spaces skipped).</summary>
        public LawRef FindLawBefore(int position)
        {
            var j = position;
            while (j > 0 && _w[j - 1] == ' ')
            {
                j--;
            }

            if (j == 0)
            {
                return default;
            }

            if (_w[j - 1] is '》' or '〉')
            {
                return BookTitleBefore(j);
            }

            if (owner._index is not null && owner._index.TryMatchEndingAt(text, j, out var match))
            {
                return new LawRef(LawRefKind.Named, text.Substring(match.Start, match.Length), match.Key, match.Start);
            }

            foreach (var word in SelfWords)
            {
                // 基本法 is a name (香港特别行政区基本法), not 本法.
                if (EndsWithAt(j, word) && !(j > word.Length && _w[j - word.Length - 1] == '基'))
                {
                    return new LawRef(LawRefKind.Self, word, null, j - word.Length);
                }
            }

            foreach (var word in SameWords)
            {
                if (EndsWithAt(j, word))
                {
                    return new LawRef(LawRefKind.Same, word, null, j - word.Length);
                }
            }

            return GenericNameBefore(j);
        }

        private LawRef BookTitleBefore(int j)
        {
            var depth = 0;
            for (var k = j - 1; k >= 0 && j - k <= MaxNameLength + 2; k--)
            {
                var c = _w[k];
                if (c is '》' or '〉')
                {
                    depth++;
                }
                else if (c is '《' or '〈' && --depth == 0)
                {
                    var name = text[(k + 1)..(j - 1)].Trim();
                    if (name.Length == 0)
                    {
                        return default;
                    }

                    string? key = null;
                    owner._index?.TryResolve(name, out key);
                    return new LawRef(LawRefKind.Named, name, key, k);
                }
            }

            return default;
        }

        /// <summary>
        /// A run of Chinese characters ending in a law-type word (法, 条例, 规定, 办法, 解释, …), cut after a
        /// previous citation or a verb such as 根据/依照 and stripped of leading connectors.
        /// </summary>
        private LawRef GenericNameBefore(int j)
        {
            var s = j;
            while (s > 0 && j - s < MaxNameLength && IsNameChar(_w[s - 1]))
            {
                s--;
            }

            if (s == j)
            {
                return default;
            }

            var run = text[s..j];
            var core = run.TrimEnd();
            if (core.EndsWith(')') || core.EndsWith('）'))
            {
                var open = Math.Max(core.LastIndexOf('('), core.LastIndexOf('（'));
                if (open > 0 && core.Length - open <= 8)
                {
                    core = core[..open];
                }
            }

            if (!LawSuffixes.Any(suffix => core.EndsWith(suffix, StringComparison.Ordinal)))
            {
                return default;
            }

            // 本实施条例, 该办法 inside a longer run: a reference to the document itself or to the previous law.
            for (var k = run.Length - 1; k >= 0 && run.Length - k <= 6; k--)
            {
                if ((run[k] == '本' && (k == 0 || !"基资成版文样根日副正".Contains(run[k - 1], StringComparison.Ordinal))) || run[k] == '该')
                {
                    return new LawRef(run[k] == '本' ? LawRefKind.Self : LawRefKind.Same, run[k..], null, s + k);
                }
            }

            // Cut after an earlier citation (…第十条和劳动合同法), a closing bracket ((一)符合婚姻法) or a verb or
            // preposition (根据劳动合同法, 属于婚姻法).
            var cut = 0;
            for (var k = run.Length - 1; k >= 0; k--)
            {
                var before = s + k > 0 ? _w[s + k - 1] : ' ';
                if ((run[k] is '条' or '款' or '项' && (char.IsAsciiDigit(before) || ChineseNumerals.IsNumeralChar(before) || before is ')' or '）'))
                    || (run[k] is ')' or '）' && k < core.Length))
                {
                    cut = k + 1;
                    break;
                }
            }

            foreach (var word in CutWords)
            {
                var at = run.LastIndexOf(word, StringComparison.Ordinal);
                var after = at + word.Length;
                if (at >= 0 && after > cut && after < core.Length && IsNameCore(core[after..]) && !IsCompound(run, at, word))
                {
                    cut = after;
                }
            }

            var name = run[cut..].TrimStart('、', '和', '及', '与', '或', ' ');
            var start = j - name.Length;
            name = name.Trim();
            if (name.StartsWith("上述", StringComparison.Ordinal) || name.StartsWith("前述", StringComparison.Ordinal))
            {
                return new LawRef(LawRefKind.Same, name, null, start);
            }

            if (name.Length < 2 || NotLawNames.Contains(name) || SelfWords.Contains(name) || SameWords.Contains(name)
                || name.StartsWith('本') || name.StartsWith('该'))
            {
                return default;
            }

            string? key = null;
            owner._index?.TryResolve(name, out key);
            return new LawRef(LawRefKind.Named, name, key, start);
        }

        /// <summary>True when <paramref name="name"/> is more than a bare suffix: 刑法 yes, 条例 (from 实施条例) no.</summary>
        private static bool IsNameCore(string name) =>
            name.Length >= 2 && !LawSuffixes.Any(suffix => suffix == name) && !NotLawNames.Contains(name);

        /// <summary>Single characters of <see cref="CutWords"/> that are part of a word here (对外, 国有, 行为, 犯罪).</summary>
        private static bool IsCompound(string run, int at, string word)
        {
            var next = at + 1 < run.Length ? run[at + 1] : ' ';
            var previous = at > 0 ? run[at - 1] : ' ';
            return word switch
            {
                "对" => next == '外',
                "有" => "国所私公共持占专具享".Contains(previous, StringComparison.Ordinal) || "关限".Contains(next, StringComparison.Ordinal),
                "为" => "行作认成".Contains(previous, StringComparison.Ordinal),
                "犯" => next == '罪',
                "以" => "可所予".Contains(previous, StringComparison.Ordinal),
                "在" => "存所现实".Contains(previous, StringComparison.Ordinal) || next == '线',

                _ => false,
            };
        }

        private static bool IsNameChar(char c) =>
            c is (>= '\u4e00' and <= '\u9fff') or '〇' or '（' or '）' or '(' or ')' or '、' or '·' or '《' or '》' or '〈' or '〉';

        private bool EndsWithAt(int j, string word) =>
            j >= word.Length && string.CompareOrdinal(_w, j - word.Length, word, 0, word.Length) == 0;
    }
}
