using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Farun.Law.Corpus;

/// <summary>
/// Parses one Markdown law file of the LawRefBook corpus (see <c>法律法规模版.md</c>): a header of <c># 标题</c>
/// (and, for split laws, <c># 副标题</c>) and dated lines ending at <c>&lt;!-- INFO END --&gt;</c>, then a body of
/// <c>##</c>/<c>###</c> headings and paragraphs that start with <c>第X条</c>.
/// </summary>
public static partial class LawMarkdownParser
{
    private const string InfoEnd = "INFO END";
    private static readonly SearchValues<char> SentencePunctuation = SearchValues.Create("。；;：:，,！？!?");

    /// <summary>Parses a law file.</summary>
    /// <param name="relativePath">Path relative to the corpus root (used for the file-name date and in errors).</param>
    /// <param name="content">The file content.</param>
    /// <exception cref="LawFormatException">The file is empty, binary, or lacks a <c># </c> title or <c>&lt;!-- INFO END --&gt;</c>.</exception>
    public static ParsedLawFile Parse(string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new LawFormatException(relativePath, "文件为空", null);
        }

        if (LooksBinary(content))
        {
            throw new LawFormatException(relativePath, "文件包含二进制内容，不是有效的文本", null);
        }

        var normalized = NormalizeContent(content);
        var lines = normalized.Split('\n');
        var infoEnd = Array.FindIndex(lines, l => l.Contains(InfoEnd, StringComparison.Ordinal) && l.Contains("<!--", StringComparison.Ordinal));

        var header = ParseHeader(lines, infoEnd < 0 ? lines.Length : infoEnd);
        if (header.Title is null)
        {
            throw new LawFormatException(relativePath, "缺少以“# ”开头的标题行", null);
        }

        if (infoEnd < 0)
        {
            throw new LawFormatException(relativePath, "缺少“<!-- INFO END -->”标记，无法确定文件头的结束位置", null);
        }

        var body = new BodyParser(lines, infoEnd + 1, header.Subtitle).Run();

        var fileDate = DateFromFileName(relativePath);
        var date = fileDate ?? LatestHeaderDate(header.Events);

        return new ParsedLawFile(
            relativePath,
            header.Title,
            header.Subtitle,
            date,
            header.Events,
            body.Articles,
            body.Articles.Count == 0 ? body.Text : null,
            body.Toc,
            Sha256Hex(normalized))
        {
            HasFileNameDate = fileDate is not null,
            TextHash = TextHashOf(body.Articles, body.Text),
        };
    }

    /// <summary>The <c>(YYYY-MM-DD)</c> suffix of a file name, e.g. <c>劳动合同法(2012-12-28).md</c>.</summary>
    internal static DateOnly? DateFromFileName(string relativePath)
    {
        var m = FileNameDateRegex().Match(relativePath);
        return m.Success ? TryDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;
    }

    internal static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string TextHashOf(IReadOnlyList<LawArticle> articles, string text)
    {
        if (articles.Count == 0)
        {
            return Sha256Hex(text);
        }

        var sb = new StringBuilder();
        foreach (var a in articles)
        {
            sb.Append(a.Number.Key).Append('\t').Append(a.Text).Append('\n');
        }

        return Sha256Hex(sb.ToString());
    }

    private static bool LooksBinary(string content)
    {
        var suspicious = 0;
        foreach (var c in content)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((c < ' ' && c is not ('\n' or '\r' or '\t' or '\f' or '\v')) || c == '\ufffd')
            {
                suspicious++;
            }
        }

        return suspicious > 8 || suspicious * 100 > content.Length;
    }

    /// <summary>
    /// Removes zero-width characters and the BOM, turns non-breaking and other typographic spaces into ASCII
    /// spaces, unifies line ends and trims trailing whitespace of every line and of the file.
    /// </summary>
    internal static string NormalizeContent(string content)
    {
        var sb = new StringBuilder(content.Length);
        var lineEnd = 0; // length of sb at the last non-whitespace char of the current line
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            switch (c)
            {
                case '\ufeff' or '\u200b' or '\u200c' or '\u200d' or '\u2060':
                    continue;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                    {
                        i++;
                    }

                    sb.Length = lineEnd;
                    sb.Append('\n');
                    lineEnd = sb.Length;
                    continue;
                case '\u00a0' or '\u202f' or '\u205f' or (>= '\u2000' and <= '\u200a'):
                    sb.Append(' ');
                    continue;
                default:
                    sb.Append(c);
                    if (!char.IsWhiteSpace(c))
                    {
                        lineEnd = sb.Length;
                    }

                    continue;
            }
        }

        sb.Length = lineEnd;
        while (sb.Length > 0 && sb[^1] == '\n')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>Collapses runs of whitespace (including U+3000) into one ASCII space and trims.</summary>
    internal static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string StripComments(string line, ref bool inComment)
    {
        if (!inComment && !line.Contains("<!--", StringComparison.Ordinal))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            if (inComment)
            {
                var close = line.IndexOf("-->", i, StringComparison.Ordinal);
                if (close < 0)
                {
                    return sb.ToString();
                }

                inComment = false;
                i = close + 3;
                continue;
            }

            var open = line.IndexOf("<!--", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(line, i, line.Length - i);
                break;
            }

            sb.Append(line, i, open - i);
            inComment = true;
            i = open + 4;
        }

        return sb.ToString();
    }

    private static (string? Title, string? Subtitle, IReadOnlyList<HeaderEvent> Events) ParseHeader(string[] lines, int end)
    {
        string? title = null;
        string? subtitle = null;
        var events = new List<HeaderEvent>();
        var inComment = false;
        for (var i = 0; i < end; i++)
        {
            var line = StripComments(lines[i], ref inComment).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var level = CountHashes(line);
                var text = CollapseWhitespace(line[level..]);
                if (level == 1 && text.Length > 0)
                {
                    if (title is null)
                    {
                        title = text;
                    }
                    else
                    {
                        subtitle ??= text;
                    }
                }

                continue;
            }

            if (title is null)
            {
                continue; // front matter and the like
            }

            var text2 = CollapseWhitespace(line);
            var m = LeadingDateRegex().Match(text2);
            if (m.Success)
            {
                events.Add(new HeaderEvent(TryDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), text2));
            }
            else if (events.Count > 0)
            {
                // A wrapped header line continues the previous event.
                events[^1] = events[^1] with { Text = events[^1].Text + text2 };
            }
            else
            {
                var any = AnyDateRegex().Match(text2);
                events.Add(new HeaderEvent(any.Success ? TryDate(any.Groups[1].Value, any.Groups[2].Value, any.Groups[3].Value) : null, text2));
            }
        }

        return (title, subtitle, events);
    }

    private static DateOnly? LatestHeaderDate(IReadOnlyList<HeaderEvent> events)
    {
        DateOnly? latest = null;
        foreach (var e in events)
        {
            foreach (Match m in AnyDateRegex().Matches(e.Text))
            {
                var d = TryDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
                if (d is not null && (latest is null || d > latest))
                {
                    latest = d;
                }
            }
        }

        return latest;
    }

    private static DateOnly? TryDate(string year, string month, string day)
    {
        var y = ParseDigits(year);
        var m = ParseDigits(month);
        var d = ParseDigits(day);
        return y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }

    private static int ParseDigits(string digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c >= '０' ? c - '０' : c - '0');
        }

        return value;
    }

    private static int CountHashes(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == '#')
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Matches an article start: 第X条 followed by an ASCII or ideographic space (or the end of the line), or
    /// 第X 条 with a stray space before 条, in which case the text may follow 条 directly. X may be Arabic digits
    /// or a Chinese numeral; 之Y marks an inserted article.
    /// </summary>
    internal static bool TryMatchArticle(string line, out ArticleNumber number, out string rest)
    {
        number = default;
        rest = string.Empty;
        if (line.Length < 3 || line[0] != '第')
        {
            return false;
        }

        var m = ArticleStartRegex().Match(line);
        if (!m.Success)
        {
            return false;
        }

        var restGroup = m.Groups["rest"];
        var strayEnd = m.Groups["sp"].Length > 0;
        if (!strayEnd && restGroup.Length > 0 && !char.IsWhiteSpace(restGroup.Value[0]))
        {
            return false; // 第三条规定…, 第三十一条的决定》…
        }

        if (!ArticleNumber.TryParseNumeral(m.Groups["n"].ValueSpan, out var n) || n < 1)
        {
            return false;
        }

        var suffix = 0;
        if (m.Groups["s"].Success && (!ArticleNumber.TryParseNumeral(m.Groups["s"].ValueSpan, out suffix) || suffix < 1))
        {
            return false;
        }

        number = new ArticleNumber(n, suffix);
        rest = restGroup.Value.Trim();
        return true;
    }

    /// <summary>A line that starts an attachment: 附件, 附件一：…, 附表二, 附录, 附图 …, 附：. Not 附件三所列… or 附则.</summary>
    internal static bool IsAttachmentLine(string line) => AttachmentRegex().IsMatch(line);

    /// <summary>An editorial footnote such as <c>① 刑法、历次刑法修正案…的施行日期…</c> (circled digit, then a space).</summary>
    internal static bool IsFootnoteLine(string line) =>
        line.Length > 2 && line[0] is >= '①' and <= '⑳' && char.IsWhiteSpace(line[1]);

    [GeneratedRegex(@"\(([0-9]{4})-([0-9]{2})-([0-9]{2})\)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDateRegex();

    [GeneratedRegex(@"^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDateRegex();

    [GeneratedRegex(@"([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日", RegexOptions.CultureInvariant)]
    private static partial Regex AnyDateRegex();

    [GeneratedRegex(@"^第(?<n>[零〇一二三四五六七八九十百千两0-9０-９－]+)(?<sp>[ \u3000\t]*)条(?:之(?<s>[零一二三四五六七八九十0-9]+))?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleStartRegex();

    [GeneratedRegex(@"^(?:附[:：]|附[件表录图][一二三四五六七八九十0-9０-９]*(?:\s|[:：]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AttachmentRegex();

    [GeneratedRegex(@"^第[零〇一二三四五六七八九十百千两]+(?:分编|编|章|节)\s*(?<t>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeadingRegex();

    private sealed class TocBuilder(int level, string title)
    {
        public int Level { get; } = level;

        public string Title { get; set; } = title;

        public ArticleNumber? FirstArticle { get; set; }
    }

    private sealed class BodyParser(string[] lines, int start, string? subtitle)
    {
        private readonly List<LawArticle> _articles = [];
        private readonly List<TocBuilder> _toc = [];
        private readonly List<(int Level, string Title, TocBuilder Toc)> _stack = [];
        private readonly StringBuilder _text = new();
        private readonly List<string> _paragraphs = [];
        private IReadOnlyList<string>? _path;
        private ArticleNumber? _current;
        private bool _attachmentHidesArticles;
        private string[]? _cleaned;

        public (IReadOnlyList<LawArticle> Articles, string Text, IReadOnlyList<TocEntry> Toc) Run()
        {
            _cleaned = CleanLines();
            if (subtitle is not null)
            {
                PushHeading(1, subtitle);
            }

            for (var i = start; i < _cleaned.Length; i++)
            {
                var line = _cleaned[i];
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    CloseArticle();
                    var level = CountHashes(line);
                    var title = CollapseWhitespace(line[level..]);
                    if (title.Length == 0)
                    {
                        continue;
                    }

                    var next = NextNonBlank(i + 1);
                    if (next >= 0 && IsHeadingContinuation(title, _cleaned[next], NextNonBlank(next + 1)))
                    {
                        title += CollapseWhitespace(_cleaned[next]);
                        i = next;
                    }

                    if (IsAttachmentLine(title))
                    {
                        EnterAttachment();
                    }

                    AppendText(title);
                    PushHeading(level, title);
                    continue;
                }

                AppendText(line);

                // Articles inside an attachment belong to the attached document, unless the law itself has none
                // (an amending decision whose attachment is the consolidated text).
                if (!_attachmentHidesArticles && TryMatchArticle(line, out var number, out var rest))
                {
                    CloseArticle();
                    StartArticle(number, rest);
                    continue;
                }

                if (IsAttachmentLine(line))
                {
                    EnterAttachment();
                    continue;
                }

                if (IsFootnoteLine(line))
                {
                    CloseArticle();
                    continue;
                }

                if (_current is not null)
                {
                    _paragraphs.Add(line);
                }
            }

            CloseArticle();
            var toc = _toc.Select(t => new TocEntry(t.Level, t.Title, t.FirstArticle)).ToArray();
            return (_articles, _text.ToString(), toc);
        }

        private string[] CleanLines()
        {
            var cleaned = new string[lines.Length];
            var inComment = false;
            for (var i = start; i < lines.Length; i++)
            {
                cleaned[i] = StripComments(lines[i], ref inComment).Trim();
            }

            return cleaned;
        }

        private int NextNonBlank(int from)
        {
            for (var j = from; j < _cleaned!.Length; j++)
            {
                if (_cleaned[j].Length > 0)
                {
                    return j;
                }
            }

            return -1;
        }

        /// <summary>
        /// Headings such as <c>## 第四章 犯罪嫌疑人、被告人逃匿、死亡案件</c> wrap onto a following line
        /// (<c>违法所得的没收程序</c>). A line is taken as a continuation when it is short, has no sentence
        /// punctuation, is followed by an article, a heading or the end, and the heading looks cut off (a long
        /// title, or one ending in 、和与及的或, or a continuation starting with 和与及或).
        /// </summary>
        private bool IsHeadingContinuation(string heading, string candidate, int afterCandidate)
        {
            var m = NumberedHeadingRegex().Match(heading);
            if (!m.Success || candidate.Length > 30 || candidate[0] == '#' || candidate[0] == '第'
                || char.IsAsciiDigit(candidate[0]) || candidate[0] is '（' or '(' or '“' or '|'
                || candidate.AsSpan().IndexOfAny(SentencePunctuation) >= 0
                || IsAttachmentLine(candidate))
            {
                return false;
            }

            if (afterCandidate >= 0)
            {
                var after = _cleaned![afterCandidate];
                if (after[0] != '#' && !TryMatchArticle(after, out _, out _))
                {
                    return false;
                }
            }

            var t = m.Groups["t"].Value;
            return t.Length >= 12 || (t.Length > 0 && "、和与及的或".Contains(t[^1], StringComparison.Ordinal))
                || "和与及或".Contains(candidate[0], StringComparison.Ordinal);
        }

        private void EnterAttachment()
        {
            _attachmentHidesArticles |= _current is not null || _articles.Count > 0;
            CloseArticle();
        }

        private void PushHeading(int level, string title)
        {
            while (_stack.Count > 0 && _stack[^1].Level >= level)
            {
                _stack.RemoveAt(_stack.Count - 1);
            }

            var toc = new TocBuilder(level, title);
            _toc.Add(toc);
            _stack.Add((level, title, toc));
            _path = null;
        }

        private void StartArticle(ArticleNumber number, string rest)
        {
            _current = number;
            if (rest.Length > 0)
            {
                _paragraphs.Add(rest);
            }

            foreach (var entry in _stack)
            {
                entry.Toc.FirstArticle ??= number;
            }
        }

        private void CloseArticle()
        {
            if (_current is not { } number)
            {
                return;
            }

            _path ??= _stack.Select(s => s.Title).ToArray();
            _articles.Add(new LawArticle(number, _path, string.Join('\n', _paragraphs), _articles.Count + 1));
            _paragraphs.Clear();
            _current = null;
        }

        private void AppendText(string line)
        {
            if (_text.Length > 0)
            {
                _text.Append('\n');
            }

            _text.Append(line);
        }
    }
}
