using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>
/// Reads a guide from YAML into a <see cref="GuideDefinition"/>, keeping the line and column of everything so that the
/// validator's messages point into the file. Unknown keys, missing keys and malformed values are reported, not thrown;
/// the definition is built as far as possible so that further problems can be found in the same pass.
/// </summary>
public static partial class GuideYamlReader
{
    public const int MaxYamlLength = 200_000;

    /// <summary>Guide ids that would clash with fixed routes under /guides.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal) { "resume", "admin", "api", "new", "s", "sessions" };

    [GeneratedRegex("^[a-z][a-z0-9-]{1,49}$")]
    private static partial Regex GuideIdRegex();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex OptionValueRegex();

    public sealed record Result(GuideDefinition? Guide, IReadOnlyList<GuideDiagnostic> Diagnostics);

    public static Result Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var r = new Reader();
        if (yaml.Length > MaxYamlLength)
        {
            r.Error(new SourcePosition(1, 1), DiagnosticKind.Schema, $"问卷文件过大（超过{MaxYamlLength / 1000}千字符）");
            return new Result(null, r.Diagnostics);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            r.Error(Pos(e.Start), DiagnosticKind.Syntax, "YAML 格式错误：" + Translate(e));
            return new Result(null, r.Diagnostics);
        }

        if (stream.Documents.Count != 1)
        {
            r.Error(new SourcePosition(1, 1), DiagnosticKind.Syntax, stream.Documents.Count == 0 ? "文件是空的" : "一个文件只能包含一份问卷（不能有多个“---”文档）");
            return new Result(null, r.Diagnostics);
        }

        var guide = r.ReadGuide(stream.Documents[0].RootNode);
        return new Result(guide, r.Diagnostics);
    }

    private static SourcePosition Pos(Mark m) => new((int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

    private static SourcePosition Pos(YamlNode n) => Pos(n.Start);

    private static string Translate(YamlException e)
    {
        var m = e.InnerException?.Message ?? e.Message;
        if (m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            return "同一层级出现了重复的键";
        if (m.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            return "此处不能出现“:”（含冒号的文字请加引号）";
        if (m.Contains("did not find expected", StringComparison.OrdinalIgnoreCase))
            return "缩进或结构不正确（" + m + "）";
        return m;
    }

    private sealed class Reader
    {
        public List<GuideDiagnostic> Diagnostics { get; } = [];

        public void Error(SourcePosition at, DiagnosticKind kind, string message) => Diagnostics.Add(new GuideDiagnostic(at, kind, message));

        public GuideDefinition? ReadGuide(YamlNode root)
        {
            if (root is not YamlMappingNode map)
            {
                Error(Pos(root), DiagnosticKind.Schema, "问卷应以“键: 值”的形式书写（顶层应为映射）");
                return null;
            }

            var m = new Map(this, map, "问卷", "id", "version", "title", "summary", "audience", "category", "minutes", "start",
                "parameters", "questions", "computed", "outcomes");
            var id = m.Text("id", required: true, maxLength: 50) ?? "";
            if (id.Length > 0 && !GuideIdRegex().IsMatch(id))
                Error(m.PositionOf("id"), DiagnosticKind.Schema, "问卷编号只能用小写英文字母、数字和连字符，以字母开头，2到50个字符，如 legal-aid");
            else if (ReservedIds.Contains(id))
                Error(m.PositionOf("id"), DiagnosticKind.Schema, $"问卷编号“{id}”是保留字，请换一个");
            var version = m.Int("version", required: true, min: 1, max: 1_000_000) ?? 0;
            var questions = m.Sequence("questions", required: true).Select(ReadQuestion).OfType<Question>().ToList();
            var startNode = m.Node("start");
            var guide = new GuideDefinition
            {
                Id = id,
                Version = version,
                Title = m.Text("title", required: true, maxLength: 100) ?? "",
                Summary = m.Text("summary", required: true, maxLength: 1000) ?? "",
                Audience = m.Text("audience", required: true, maxLength: 500) ?? "",
                Category = m.Text("category", maxLength: 20),
                Minutes = m.Int("minutes", min: 1, max: 120),
                Start = m.Text("start", maxLength: 50) ?? questions.FirstOrDefault()?.Id ?? "",
                StartPosition = startNode is null ? (questions.Count > 0 ? questions[0].Position : Pos(map)) : Pos(startNode),
                Parameters = m.Sequence("parameters").Select(ReadParameter).OfType<GuideParameter>().ToList(),
                Questions = questions,
                Computed = m.Sequence("computed").Select(ReadComputed).OfType<ComputedValue>().ToList(),
                Outcomes = m.Sequence("outcomes", required: true).Select(ReadOutcome).OfType<Outcome>().ToList(),
            };
            if (questions.Count == 0 && m.Node("questions") is { } qn)
                Error(Pos(qn), DiagnosticKind.Schema, "问卷至少要有一个问题");
            if (guide.Outcomes.Count == 0 && m.Node("outcomes") is { } on)
                Error(Pos(on), DiagnosticKind.Schema, "问卷至少要有一个结果");
            return guide;
        }

        private string? Name(Map m, string what)
        {
            var id = m.Text("id", required: true, maxLength: 50);
            if (id is not null && !NameRegex().IsMatch(id))
            {
                Error(m.PositionOf("id"), DiagnosticKind.Schema, $"{what}编号“{id}”只能用小写英文字母、数字和下划线，以字母开头（它会在条件表达式中使用）");
                return null;
            }

            if (id is not null && (GuideFunctions.All.ContainsKey(id) || id is "and" or "or" or "not" or "true" or "false"))
            {
                Error(m.PositionOf("id"), DiagnosticKind.Schema, $"{what}编号“{id}”与函数名或关键字相同，请换一个");
                return null;
            }

            return id;
        }

        private GuideParameter? ReadParameter(YamlNode node)
        {
            if (Mapping(node, "参数") is not { } map)
                return null;
            var m = new Map(this, map, "参数", "id", "type", "label", "default", "source");
            var id = Name(m, "参数");
            var typeText = m.Text("type", required: true);
            GuideType? type = typeText switch
            {
                "number" => GuideType.Number,
                "money" => GuideType.Money,
                "date" => GuideType.Date,
                "text" => GuideType.Text,
                "yesno" => GuideType.Bool,
                null => null,
                _ => null,
            };
            if (typeText is not null && type is null)
                Error(m.PositionOf("type"), DiagnosticKind.Schema, $"参数类型“{typeText}”无效，可选：number、money、date、text、yesno");
            var label = m.Text("label", required: true, maxLength: 100) ?? "";
            var source = m.Text("source", required: true, maxLength: 500) ?? "";
            var defaultText = m.Text("default", required: true, maxLength: 200);
            object? value = null;
            if (type is not null && defaultText is not null)
            {
                value = ParseValue(type, defaultText);
                if (value is null)
                    Error(m.PositionOf("default"), DiagnosticKind.Schema, $"参数默认值“{defaultText}”不是有效的{type.DisplayName}");
            }

            return id is null || type is null || value is null ? null : new GuideParameter(id, type, label, value, source, Pos(node));
        }

        private ComputedValue? ReadComputed(YamlNode node)
        {
            if (Mapping(node, "计算值") is not { } map)
                return null;
            var m = new Map(this, map, "计算值", "id", "value", "label");
            var id = Name(m, "计算值");
            var value = m.Expression("value", required: true);
            var label = m.Text("label", maxLength: 100);
            return id is null || value is null ? null : new ComputedValue(id, value, label, Pos(node));
        }

        private Question? ReadQuestion(YamlNode node)
        {
            if (Mapping(node, "问题") is not { } map)
                return null;
            var m = new Map(this, map, "问题", "id", "type", "text", "help", "options", "min", "max", "unit", "max_length", "optional", "multiline", "next");
            var id = Name(m, "问题");
            var typeText = m.Text("type", required: true);
            QuestionType? type = typeText switch
            {
                "yesno" => QuestionType.YesNo,
                "choice" => QuestionType.Choice,
                "number" => QuestionType.Number,
                "money" => QuestionType.Money,
                "date" => QuestionType.Date,
                "text" => QuestionType.Text,
                _ => null,
            };
            if (typeText is not null && type is null)
                Error(m.PositionOf("type"), DiagnosticKind.Schema, $"问题类型“{typeText}”无效，可选：yesno、choice、number、money、date、text");
            var text = m.Template("text", required: true, maxLength: 300);
            var help = m.Template("help", maxLength: 1000);
            var options = new List<QuestionOption>();
            foreach (var o in m.Sequence("options", required: type == QuestionType.Choice))
            {
                if (Mapping(o, "选项") is not { } om)
                    continue;
                var mo = new Map(this, om, "选项", "value", "label", "help");
                var value = mo.Text("value", required: true, maxLength: 50);
                var label = mo.Text("label", required: true, maxLength: 100);
                if (value is not null && !OptionValueRegex().IsMatch(value))
                    Error(mo.PositionOf("value"), DiagnosticKind.Schema, $"选项值“{value}”只能用小写英文字母、数字和下划线");
                else if (value is not null && options.Any(x => x.Value == value))
                    Error(mo.PositionOf("value"), DiagnosticKind.Duplicate, $"选项值“{value}”重复");
                else if (value is not null && label is not null)
                    options.Add(new QuestionOption(value, label, mo.Text("help", maxLength: 300), Pos(o)));
            }

            if (type == QuestionType.Choice && options.Count is > 0 and < 2)
                Error(Pos(node), DiagnosticKind.Schema, "选择题至少要有两个选项");
            if (type is not null and not QuestionType.Choice && m.Node("options") is { } extra)
                Error(Pos(extra), DiagnosticKind.Schema, "只有选择题（choice）才能有选项");
            var min = m.Expression("min");
            var max = m.Expression("max");
            if (type is not null and not (QuestionType.Number or QuestionType.Money or QuestionType.Date))
            {
                foreach (var (key, e) in new[] { ("min", min), ("max", max) })
                {
                    if (e is not null)
                        Error(e.Position, DiagnosticKind.Schema, $"只有数字、金额和日期问题才能设置 {key}");
                }
            }

            var maxLength = m.Int("max_length", min: 1, max: 2000) ?? 500;
            var optional = m.Bool("optional") ?? false;
            if (optional && type != QuestionType.Text)
                Error(m.PositionOf("optional"), DiagnosticKind.Schema, "只有文字问题（text）可以设为选填");
            var next = ReadNext(m);
            return id is null || type is null || text is null
                ? null
                : new Question(id, type.Value, text, help, options, min, max, m.Text("unit", maxLength: 10), maxLength, optional, m.Bool("multiline") ?? false, next, Pos(node));
        }

        private List<NextRule> ReadNext(Map m)
        {
            var rules = new List<NextRule>();
            var node = m.Node("next");
            if (node is null)
                return rules;
            if (node is YamlScalarNode s)
            {
                rules.Add(new NextRule(null, s.Value ?? "", Pos(s), Pos(s)));
                return rules;
            }

            if (node is not YamlSequenceNode seq)
            {
                Error(Pos(node), DiagnosticKind.Schema, "next 应为一个问题/结果编号，或由 {if, goto} 组成的列表");
                return rules;
            }

            foreach (var item in seq.Children)
            {
                if (Mapping(item, "跳转规则") is not { } map)
                    continue;
                var rm = new Map(this, map, "跳转规则", "if", "goto");
                var cond = rm.Expression("if");
                var target = rm.Text("goto", required: true, maxLength: 50);
                if (target is not null)
                    rules.Add(new NextRule(cond, target, Pos(item), rm.PositionOf("goto")));
            }

            return rules;
        }

        private Outcome? ReadOutcome(YamlNode node)
        {
            if (Mapping(node, "结果") is not { } map)
                return null;
            var m = new Map(this, map, "结果", "id", "verdict", "title", "summary", "urgent", "basis", "materials", "where", "deadlines", "next_steps", "action");
            var id = Name(m, "结果");
            var verdictText = m.Text("verdict", required: true);
            Verdict? verdict = verdictText switch
            {
                "eligible" => Verdict.Eligible,
                "not_eligible" => Verdict.NotEligible,
                "maybe" => Verdict.Maybe,
                "guidance" => Verdict.Guidance,
                _ => null,
            };
            if (verdictText is not null && verdict is null)
                Error(m.PositionOf("verdict"), DiagnosticKind.Schema, $"结论“{verdictText}”无效，可选：eligible（符合条件）、not_eligible（不符合）、maybe（可能符合）、guidance（办理指引）");
            var title = m.Template("title", required: true, maxLength: 200);

            var basis = new List<BasisItem>();
            foreach (var b in m.Sequence("basis", required: true))
            {
                if (b is YamlScalarNode bs)
                {
                    basis.Add(new BasisItem(bs.Value ?? "", null, null, Pos(b)));
                    continue;
                }

                if (Mapping(b, "法律依据") is not { } bm)
                    continue;
                var mb = new Map(this, bm, "法律依据", "cite", "why", "if");
                if (mb.Text("cite", required: true, maxLength: 200) is { } cite)
                    basis.Add(new BasisItem(cite, mb.Template("why", maxLength: 500), mb.Expression("if"), mb.PositionOf("cite")));
            }

            if (basis.All(b => b.If is not null) && m.Node("basis") is { } bn)
                Error(Pos(bn), DiagnosticKind.Citation, "每个结果都要写明法律依据（至少一条不带条件的）");

            var where = new List<WhereItem>();
            foreach (var w in m.Sequence("where"))
            {
                if (Mapping(w, "办理地点") is not { } wm)
                    continue;
                var mw = new Map(this, wm, "办理地点", "service_points", "name", "detail", "hours", "if");
                var spText = mw.Text("service_points");
                var sp = spText switch
                {
                    null => ServicePointScope.None,
                    "all" => ServicePointScope.All,
                    "district" => ServicePointScope.District,
                    "street" => ServicePointScope.Street,
                    "community" => ServicePointScope.Community,
                    _ => (ServicePointScope?)null,
                };
                if (sp is null)
                    Error(mw.PositionOf("service_points"), DiagnosticKind.Schema, $"service_points“{spText}”无效，可选：all、district、street、community");
                var name = mw.Text("name", maxLength: 100);
                if (sp == ServicePointScope.None && name is null)
                    Error(Pos(w), DiagnosticKind.Schema, "办理地点要么写 service_points（本区服务网点），要么写 name（机构名称）");
                where.Add(new WhereItem(sp ?? ServicePointScope.None, name, mw.Template("detail", maxLength: 500), mw.Text("hours", maxLength: 100), mw.Expression("if"), Pos(w)));
            }

            var deadlines = new List<DeadlineItem>();
            foreach (var d in m.Sequence("deadlines"))
            {
                if (Mapping(d, "期限") is not { } dm)
                    continue;
                var md = new Map(this, dm, "期限", "label", "date", "note", "if");
                var label = md.Text("label", required: true, maxLength: 100);
                var date = md.Expression("date", required: true);
                if (label is not null && date is not null)
                    deadlines.Add(new DeadlineItem(label, date, md.Template("note", maxLength: 500), md.Expression("if"), Pos(d)));
            }

            ActionSpec? action = null;
            if (m.Node("action") is { } an && Mapping(an, "在线申请") is { } am)
            {
                var ma = new Map(this, am, "在线申请", "kind", "label", "if", "fields");
                var kind = ma.Text("kind", required: true, maxLength: 50);
                var label = ma.Text("label", required: true, maxLength: 50);
                var fields = new List<ActionField>();
                if (ma.Node("fields") is { } fn)
                {
                    if (fn is YamlMappingNode fm)
                    {
                        foreach (var (k, v) in fm.Children)
                        {
                            var key = (k as YamlScalarNode)?.Value ?? "";
                            if (v is YamlScalarNode vs)
                            {
                                if (ParseExpression(vs) is { } e)
                                    fields.Add(new ActionField(key, e, null, Pos(k)));
                                continue;
                            }

                            if (v is YamlMappingNode vm)
                            {
                                var mf = new Map(this, vm, $"字段“{key}”", "value", "if");
                                if (mf.Expression("value", required: true) is { } e)
                                    fields.Add(new ActionField(key, e, mf.Expression("if"), Pos(k)));
                                continue;
                            }

                            Error(Pos(v), DiagnosticKind.Schema, $"字段“{key}”的值应为一个表达式，或 {{value: 表达式, if: 条件}}");
                        }
                    }
                    else
                    {
                        Error(Pos(fn), DiagnosticKind.Schema, "fields 应为“字段名: 表达式”的映射");
                    }
                }

                if (kind is not null && label is not null)
                    action = new ActionSpec(kind, label, fields, ma.Expression("if"), Pos(an));
            }

            return id is null || verdict is null || title is null
                ? null
                : new Outcome(id, verdict.Value, title, m.Template("summary", maxLength: 2000), m.Expression("urgent"), basis,
                    Items(m, "materials"), where, deadlines, Items(m, "next_steps"), action, Pos(node));
        }

        private List<GuideItem> Items(Map m, string key)
        {
            var items = new List<GuideItem>();
            foreach (var n in m.Sequence(key))
            {
                if (n is YamlScalarNode s)
                {
                    if (TemplateOf(s, 500) is { } t)
                        items.Add(new GuideItem(t, null, Pos(n)));
                    continue;
                }

                if (Mapping(n, "条目") is not { } im)
                    continue;
                var mi = new Map(this, im, "条目", "text", "if");
                if (mi.Template("text", required: true, maxLength: 500) is { } text)
                    items.Add(new GuideItem(text, mi.Expression("if"), Pos(n)));
            }

            return items;
        }

        public YamlMappingNode? Mapping(YamlNode node, string what)
        {
            if (node is YamlMappingNode map)
                return map;
            Error(Pos(node), DiagnosticKind.Schema, $"{what}应为“键: 值”的映射");
            return null;
        }

        public static SourceSpan SpanOf(YamlScalarNode s) =>
            new(Pos(s), s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, s.Style is ScalarStyle.Literal or ScalarStyle.Folded, s.Value ?? "");

        public SourceExpr? ParseExpression(YamlScalarNode s)
        {
            var span = SpanOf(s);
            var text = s.Value ?? "";
            try
            {
                return new SourceExpr(text, ExpressionParser.Parse(text), span);
            }
            catch (ExpressionSyntaxException e)
            {
                Error(span.At(e.Offset), DiagnosticKind.Syntax, $"表达式“{text}”有误：{e.Message}");
                return new SourceExpr(text, null, span);
            }
        }

        public Template? TemplateOf(YamlScalarNode s, int maxLength)
        {
            var text = s.Value ?? "";
            if (text.Length > maxLength)
            {
                Error(Pos(s), DiagnosticKind.Schema, $"文字过长（超过{maxLength}个字符）");
                return null;
            }

            var span = SpanOf(s);
            var parts = new List<TemplatePart>();
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf("{{", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    parts.Add(new TextPart(text[i..]));
                    break;
                }

                if (open > i)
                    parts.Add(new TextPart(text[i..open]));
                var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    Error(span.At(open), DiagnosticKind.Syntax, "“{{”缺少对应的“}}”");
                    return null;
                }

                var inner = text[(open + 2)..close];
                try
                {
                    parts.Add(new ExprPart(new SourceExpr(inner, ExpressionParser.Parse(inner), span, open + 2)));
                }
                catch (ExpressionSyntaxException e)
                {
                    Error(span.At(open + 2 + e.Offset), DiagnosticKind.Syntax, $"插入的表达式“{inner.Trim()}”有误：{e.Message}");
                    parts.Add(new ExprPart(new SourceExpr(inner, null, span, open + 2)));
                }

                i = close + 2;
            }

            return new Template(text, parts, Pos(s));
        }
    }

    /// <summary>A YAML mapping with its allowed keys; unknown keys are reported once, when it is created.</summary>
    private sealed class Map
    {
        private readonly Reader _r;
        private readonly YamlMappingNode _node;
        private readonly string _what;
        private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _children = new(StringComparer.Ordinal);

        public Map(Reader r, YamlMappingNode node, string what, params string[] allowed)
        {
            _r = r;
            _node = node;
            _what = what;
            foreach (var (k, v) in node.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(key))
                {
                    r.Error(Pos(k), DiagnosticKind.Schema, $"{what}中不认识的键“{key}”，可用：{string.Join("、", allowed)}");
                    continue;
                }

                _children[key] = (k, v);
            }
        }

        public YamlNode? Node(string key) => _children.TryGetValue(key, out var c) ? c.Value : null;

        public SourcePosition PositionOf(string key) => _children.TryGetValue(key, out var c) ? Pos(c.Value) : Pos(_node);

        private void Missing(string key) => _r.Error(Pos(_node), DiagnosticKind.Schema, $"{_what}缺少“{key}”");

        private YamlScalarNode? Scalar(string key, bool required)
        {
            var node = Node(key);
            if (node is null)
            {
                if (required)
                    Missing(key);
                return null;
            }

            if (node is YamlScalarNode s)
                return s;
            _r.Error(Pos(node), DiagnosticKind.Schema, $"{_what}的“{key}”应为单个值，不是列表或映射");
            return null;
        }

        public string? Text(string key, bool required = false, int maxLength = 100)
        {
            var s = Scalar(key, required);
            if (s is null)
                return null;
            var value = (s.Value ?? "").Trim();
            if (value.Length == 0)
            {
                if (required)
                    _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”不能为空");
                return null;
            }

            if (value.Length > maxLength)
            {
                _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”过长（超过{maxLength}个字符）");
                return null;
            }

            if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”含有不可见的控制字符");
                return null;
            }

            return value;
        }

        public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
        {
            var s = Scalar(key, required);
            if (s is null)
                return null;
            if (!int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”应为{min}到{max}之间的整数");
                return null;
            }

            return v;
        }

        public bool? Bool(string key)
        {
            var s = Scalar(key, false);
            if (s is null)
                return null;
            switch (s.Value)
            {
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
                default:
                    _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”应为 true 或 false");
                    return null;
            }
        }

        public IEnumerable<YamlNode> Sequence(string key, bool required = false)
        {
            var node = Node(key);
            if (node is null)
            {
                if (required)
                    Missing(key);
                return [];
            }

            if (node is YamlSequenceNode seq)
                return seq.Children;
            _r.Error(Pos(node), DiagnosticKind.Schema, $"{_what}的“{key}”应为列表（每项以“- ”开头）");
            return [];
        }

        public SourceExpr? Expression(string key, bool required = false)
        {
            var s = Scalar(key, required);
            if (s is null)
                return null;
            if (string.IsNullOrWhiteSpace(s.Value))
            {
                _r.Error(Pos(s), DiagnosticKind.Syntax, $"{_what}的“{key}”表达式是空的");
                return null;
            }

            return _r.ParseExpression(s);
        }

        public Template? Template(string key, bool required = false, int maxLength = 500)
        {
            var s = Scalar(key, required);
            if (s is null)
                return null;
            if (string.IsNullOrWhiteSpace(s.Value))
            {
                if (required)
                    _r.Error(Pos(s), DiagnosticKind.Schema, $"{_what}的“{key}”不能为空");
                return null;
            }

            return _r.TemplateOf(s, maxLength);
        }
    }

    /// <summary>Parses a value of a type from its text form (parameter defaults and configuration).</summary>
    public static object? ParseValue(GuideType type, string text)
    {
        text = text.Trim();
        switch (type.Kind)
        {
            case ValueKind.Number or ValueKind.Money:
                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
            case ValueKind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            case ValueKind.Bool:
                return text switch { "true" or "yes" => true, "false" or "no" => false, _ => null };
            default:
                return text;
        }
    }
}
