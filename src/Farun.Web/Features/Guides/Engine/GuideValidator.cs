using Farun.Law.Citations;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>
/// Checks a guide before anyone can use it: ids unique; every "goto" names a question or outcome; every question
/// ends its rules with one that always applies (no dead end); no loops; every question and outcome reachable from the
/// start; every name defined and every expression well-typed; every answer used only where it has been asked on every
/// path leading there; every legal basis an article (and paragraph, item) the law library has in force; every online
/// application a known form with its required fields, of the right types.
/// </summary>
public static class GuideValidator
{
    /// <summary>Reads and validates YAML; the guide is returned only when there is no problem at all.</summary>
    public static (GuideDefinition? Guide, IReadOnlyList<GuideDiagnostic> Diagnostics) ReadAndValidate(string yaml, ILawArticleLookup laws)
    {
        var read = GuideYamlReader.Read(yaml);
        if (read.Guide is null)
            return (null, read.Diagnostics);
        var all = read.Diagnostics.Concat(Validate(read.Guide, laws)).Distinct().OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToList();
        return (all.Count == 0 ? read.Guide : null, all);
    }

    /// <summary>Reads, validates and returns the guide, or throws <see cref="GuideInvalidException"/>.</summary>
    public static GuideDefinition Load(string yaml, ILawArticleLookup laws)
    {
        var (guide, diagnostics) = ReadAndValidate(yaml, laws);
        return guide ?? throw new GuideInvalidException(diagnostics);
    }

    public static IReadOnlyList<GuideDiagnostic> Validate(GuideDefinition guide, ILawArticleLookup? laws)
    {
        var v = new Run(guide);
        v.Execute(laws);
        return v.Diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToList();
    }

    /// <summary>The names and types a guide defines, with the questions each computed value depends on.</summary>
    internal sealed class GuideScope : ITypeScope
    {
        private readonly GuideDefinition _guide;
        private readonly Dictionary<string, Question> _questions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ComputedValue> _computed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, GuideParameter> _parameters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (GuideType? Type, HashSet<string> Questions)> _computedInfo = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
        private readonly Action<GuideDiagnostic> _report;

        public GuideScope(GuideDefinition guide, Action<GuideDiagnostic> report)
        {
            _guide = guide;
            _report = report;
            foreach (var q in guide.Questions)
                _questions.TryAdd(q.Id, q);
            foreach (var c in guide.Computed)
                _computed.TryAdd(c.Id, c);
            foreach (var p in guide.Parameters)
                _parameters.TryAdd(p.Id, p);
        }

        public GuideType? TypeOf(string name)
        {
            if (_questions.TryGetValue(name, out var q))
                return q.ValueType;
            if (_parameters.TryGetValue(name, out var p))
                return p.Type;
            return _computed.ContainsKey(name) ? Computed(name).Type : null;
        }

        public IReadOnlyList<string> OptionsOf(string question) =>
            _questions.TryGetValue(question, out var q) ? q.Options.Select(o => o.Value).ToList() : [];

        /// <summary>The questions a name stands on: itself for a question, those its expression needs for a computed value.</summary>
        public IReadOnlySet<string> QuestionsOf(string name)
        {
            if (_questions.ContainsKey(name))
                return new HashSet<string>(StringComparer.Ordinal) { name };
            return _computed.ContainsKey(name) ? Computed(name).Questions : new HashSet<string>();
        }

        public Expr? ComputedExpression(string name) => _computed.TryGetValue(name, out var c) ? c.Expression.Parsed : null;

        public bool IsQuestion(string name) => _questions.ContainsKey(name);

        /// <summary>
        /// Reports every use of a question that is not in <paramref name="answered"/>, directly or through a computed
        /// value. Uses guarded by answered(q) — in the then-branch of if(answered(q) …) or to the right of
        /// "answered(q) and" — count q as answered; answered(q) itself needs nothing.
        /// </summary>
        public void Need(Expr e, IReadOnlySet<string> answered, Action<string, string, int> missing)
        {
            switch (e)
            {
                case NameExpr n:
                    foreach (var q in QuestionsOf(n.Name).Where(q => !answered.Contains(q)).Order(StringComparer.Ordinal))
                        missing(n.Name, q, n.Start);
                    break;
                case CallExpr { Name: "answered" }:
                    break;
                case CallExpr { Name: "if", Args.Count: 3 } c:
                    Need(c.Args[0], answered, missing);
                    Need(c.Args[1], With(answered, Guards(c.Args[0])), missing);
                    Need(c.Args[2], answered, missing);
                    break;
                case CallExpr c:
                    foreach (var a in c.Args)
                        Need(a, answered, missing);
                    break;
                case BinaryExpr { Op: "and" } b:
                    Need(b.Left, answered, missing);
                    Need(b.Right, With(answered, Guards(b.Left)), missing);
                    break;
                case BinaryExpr b:
                    Need(b.Left, answered, missing);
                    Need(b.Right, answered, missing);
                    break;
                case UnaryExpr u:
                    Need(u.Operand, answered, missing);
                    break;
            }
        }

        /// <summary>The questions a condition proves answered when it holds: answered(q) in a chain of "and".</summary>
        public static IEnumerable<string> Guards(Expr? condition) => condition switch
        {
            CallExpr { Name: "answered", Args: [NameExpr n] } => [n.Name],
            BinaryExpr { Op: "and" } b => Guards(b.Left).Concat(Guards(b.Right)),
            _ => [],
        };

        public static IReadOnlySet<string> With(IReadOnlySet<string> answered, IEnumerable<string> more)
        {
            var extra = more.ToList();
            if (extra.Count == 0)
                return answered;
            var set = new HashSet<string>(answered, StringComparer.Ordinal);
            set.UnionWith(extra);
            return set;
        }

        public void CheckAllComputed()
        {
            foreach (var c in _guide.Computed)
                Computed(c.Id);
        }

        private (GuideType? Type, HashSet<string> Questions) Computed(string id)
        {
            if (_computedInfo.TryGetValue(id, out var info))
                return info;
            var c = _computed[id];
            if (!_visiting.Add(id))
            {
                _report(new GuideDiagnostic(c.Position, DiagnosticKind.Cycle, $"计算值“{id}”直接或间接地引用了它自己"));
                _computedInfo[id] = (null, []);
                return _computedInfo[id];
            }

            GuideType? type = null;
            var questions = new HashSet<string>(StringComparer.Ordinal);
            if (c.Expression.Parsed is { } e)
            {
                var typer = new ExpressionTyper(this);
                type = typer.Check(e);
                foreach (var p in typer.Problems)
                    _report(new GuideDiagnostic(c.Expression.PositionOf(p.Offset), p.Kind, $"计算值“{id}”：{p.Message}"));
                Need(e, new HashSet<string>(), (_, q, _) => questions.Add(q));
            }

            _visiting.Remove(id);
            _computedInfo[id] = (type, questions);
            return _computedInfo[id];
        }
    }

    private sealed class Run(GuideDefinition guide)
    {
        public List<GuideDiagnostic> Diagnostics { get; } = [];

        private readonly Dictionary<string, HashSet<string>> _answeredBefore = new(StringComparer.Ordinal);
        private GuideScope _scope = null!;

        private void Report(SourcePosition at, DiagnosticKind kind, string message) => Diagnostics.Add(new GuideDiagnostic(at, kind, message));

        public void Execute(ILawArticleLookup? laws)
        {
            CheckIds();
            _scope = new GuideScope(guide, Diagnostics.Add);
            _scope.CheckAllComputed();
            var graphOk = CheckGraph();
            if (graphOk)
                ComputeAnsweredBefore();
            CheckQuestions();
            CheckOutcomes();
            if (laws is not null)
                CheckCitations(laws);
        }

        private void CheckIds()
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string id, string what, SourcePosition at)
            {
                if (seen.TryGetValue(id, out var other))
                    Report(at, DiagnosticKind.Duplicate, $"编号“{id}”重复：已用作{other}");
                else
                    seen[id] = what;
            }

            foreach (var p in guide.Parameters)
                Add(p.Id, "参数", p.Position);
            foreach (var q in guide.Questions)
                Add(q.Id, "问题", q.Position);
            foreach (var c in guide.Computed)
                Add(c.Id, "计算值", c.Position);
            foreach (var o in guide.Outcomes)
                Add(o.Id, "结果", o.Position);
        }

        private IEnumerable<string> Targets(Question q) => q.Next.Select(r => r.Goto).Where(t => guide.Question(t) is not null || guide.Outcome(t) is not null);

        /// <summary>Targets, dead ends, loops and reachability; false when loops make path analysis impossible.</summary>
        private bool CheckGraph()
        {
            if (guide.Question(guide.Start) is null)
            {
                Report(guide.StartPosition, DiagnosticKind.UnknownTarget, $"开始的问题“{guide.Start}”不存在");
                return false;
            }

            foreach (var q in guide.Questions)
            {
                if (q.Next.Count == 0)
                {
                    Report(q.Position, DiagnosticKind.DeadEnd, $"问题“{q.Id}”是死胡同：没有写 next，回答后无处可去");
                    continue;
                }

                for (var i = 0; i < q.Next.Count; i++)
                {
                    var rule = q.Next[i];
                    if (guide.Question(rule.Goto) is null && guide.Outcome(rule.Goto) is null)
                        Report(rule.GotoPosition, DiagnosticKind.UnknownTarget, $"问题“{q.Id}”的跳转目标“{rule.Goto}”不存在（既不是问题也不是结果）");
                    if (rule.Goto == q.Id)
                        Report(rule.GotoPosition, DiagnosticKind.Cycle, $"问题“{q.Id}”跳转到它自己");
                    if (rule.If is null && i < q.Next.Count - 1)
                        Report(q.Next[i + 1].Position, DiagnosticKind.Schema, $"问题“{q.Id}”的这条跳转规则永远不会生效：前一条规则没有条件，总是先生效");
                }

                if (q.Next[^1].If is not null)
                    Report(q.Next[^1].Position, DiagnosticKind.DeadEnd,
                        $"问题“{q.Id}”可能成为死胡同：所有跳转规则都带条件，条件都不成立时无处可去；请在最后加一条不带 if 的规则");
            }

            // Loops: depth-first search with colours over the questions.
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var hasCycle = false;
            void Visit(Question q, Stack<string> path)
            {
                state[q.Id] = 1;
                path.Push(q.Id);
                foreach (var rule in q.Next)
                {
                    if (guide.Question(rule.Goto) is not { } next || next.Id == q.Id)
                        continue;
                    var s = state.GetValueOrDefault(next.Id);
                    if (s == 1)
                    {
                        hasCycle = true;
                        var loop = path.Reverse().SkipWhile(x => x != next.Id).Append(next.Id);
                        Report(rule.GotoPosition, DiagnosticKind.Cycle, $"问题形成了循环：{string.Join(" → ", loop)}");
                    }
                    else if (s == 0)
                    {
                        Visit(next, path);
                    }
                }

                path.Pop();
                state[q.Id] = 2;
            }

            foreach (var q in guide.Questions)
            {
                if (state.GetValueOrDefault(q.Id) == 0)
                    Visit(q, new Stack<string>());
            }

            if (guide.Questions.Any(q => q.Next.Any(r => r.Goto == q.Id)))
                hasCycle = true;

            // Reachability from the start.
            var reached = new HashSet<string>(StringComparer.Ordinal) { guide.Start };
            var queue = new Queue<string>([guide.Start]);
            while (queue.Count > 0)
            {
                if (guide.Question(queue.Dequeue()) is not { } q)
                    continue;
                foreach (var t in Targets(q))
                {
                    if (reached.Add(t))
                        queue.Enqueue(t);
                }
            }

            foreach (var q in guide.Questions.Where(q => !reached.Contains(q.Id)))
                Report(q.Position, DiagnosticKind.UnreachableQuestion, $"问题“{q.Id}”不可达：从开始的问题“{guide.Start}”出发，没有任何跳转通向它");
            foreach (var o in guide.Outcomes.Where(o => !reached.Contains(o.Id)))
                Report(o.Position, DiagnosticKind.UnreachableOutcome, $"结果“{o.Id}”不可达：没有任何问题跳转到它");
            _reachable = reached;
            return !hasCycle;
        }

        private HashSet<string> _reachable = new(StringComparer.Ordinal);

        /// <summary>For every reachable node, the questions answered on every path from the start to it (definite assignment).</summary>
        private void ComputeAnsweredBefore()
        {
            var preds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var q in guide.Questions.Where(q => _reachable.Contains(q.Id)))
            {
                foreach (var t in Targets(q).Distinct())
                {
                    if (!preds.TryGetValue(t, out var list))
                        preds[t] = list = [];
                    list.Add(q.Id);
                }
            }

            HashSet<string> Get(string node)
            {
                if (_answeredBefore.TryGetValue(node, out var known))
                    return known;
                HashSet<string>? result = null;
                foreach (var p in preds.GetValueOrDefault(node) ?? [])
                {
                    var set = new HashSet<string>(Get(p), StringComparer.Ordinal) { p };
                    if (result is null)
                        result = set;
                    else
                        result.IntersectWith(set);
                }

                result ??= new HashSet<string>(StringComparer.Ordinal);
                _answeredBefore[node] = result;
                return result;
            }

            foreach (var n in _reachable)
                Get(n);
        }

        /// <summary>Type-checks an expression and checks that what it uses has been answered; null availability skips the latter.</summary>
        private GuideType? CheckExpr(SourceExpr? se, IReadOnlySet<string>? answered, string where, GuideType? expected = null)
        {
            if (se?.Parsed is not { } e)
                return null;
            var typer = new ExpressionTyper(_scope);
            GuideType? type;
            if (expected is null)
            {
                type = typer.Check(e);
            }
            else
            {
                typer.Expect(e, expected, where);
                type = expected;
            }

            foreach (var p in typer.Problems)
                Report(se.PositionOf(p.Offset), p.Kind, $"{where}：{p.Message}");
            if (answered is not null)
            {
                var seen = new HashSet<(string, string)>();
                _scope.Need(e, answered, (name, q, offset) =>
                {
                    if (!seen.Add((name, q)))
                        return;
                    var via = name == q ? $"问题“{q}”" : $"“{name}”用到的问题“{q}”";
                    Report(se.PositionOf(offset), DiagnosticKind.NotAlwaysAnswered,
                        $"{where}：{via}在到达此处的某些路径上没有被问到，不能在这里使用（可用 answered({q}) 作条件）");
                });
            }

            return type;
        }

        private void CheckTemplate(Template? t, IReadOnlySet<string>? answered, string where)
        {
            if (t is null)
                return;
            for (var i = 0; i < t.Parts.Count; i++)
            {
                if (t.Parts[i] is not ExprPart { Expr: var e })
                    continue;
                var type = CheckExpr(e, answered, where);
                // Money is shown with its unit ("2,000元"); a unit written after it would read "2,000元元".
                if (type?.Kind == ValueKind.Money && i + 1 < t.Parts.Count && t.Parts[i + 1] is TextPart { Text: var next } && next.StartsWith('元'))
                    Report(e.Position, DiagnosticKind.Schema, $"{where}：金额插入后会自动带“元”，后面不要再写“元”");
            }
        }

        private IReadOnlySet<string>? AnsweredBefore(string node) => _answeredBefore.GetValueOrDefault(node);

        private static IReadOnlySet<string>? Guarded(IReadOnlySet<string>? answered, SourceExpr? condition) =>
            answered is null ? null : GuideScope.With(answered, GuideScope.Guards(condition?.Parsed));

        private void CheckQuestions()
        {
            foreach (var q in guide.Questions)
            {
                var before = AnsweredBefore(q.Id);
                var after = before is null ? null : new HashSet<string>(before, StringComparer.Ordinal) { q.Id };
                CheckTemplate(q.Text, before, $"问题“{q.Id}”的文字");
                CheckTemplate(q.Help, before, $"问题“{q.Id}”的说明");
                if (q.Type is QuestionType.Number or QuestionType.Money or QuestionType.Date)
                {
                    var bound = q.Type == QuestionType.Date ? GuideType.Date : GuideType.Number;
                    CheckBound(q.Min, before, $"问题“{q.Id}”的 min", bound);
                    CheckBound(q.Max, before, $"问题“{q.Id}”的 max", bound);
                    if (q.Min?.Parsed is LiteralExpr { Value: decimal lo } && q.Max?.Parsed is LiteralExpr { Value: decimal hi } && lo > hi)
                        Report(q.Max.Position, DiagnosticKind.Schema, $"问题“{q.Id}”的 max 小于 min，无法作答");
                    if (q.Type != QuestionType.Date && q.Min?.Parsed is null)
                        Report(q.Position, DiagnosticKind.Schema, $"数字或金额问题“{q.Id}”要写 min（可接受的最小值，如 0）");
                }

                foreach (var rule in q.Next)
                    CheckExpr(rule.If, after, $"问题“{q.Id}”的跳转条件", GuideType.Bool);
            }
        }

        private void CheckBound(SourceExpr? e, IReadOnlySet<string>? answered, string where, GuideType expected)
        {
            var type = CheckExpr(e, answered, where);
            if (type is null || e is null)
                return;
            if (expected.Kind == ValueKind.Date ? type.Kind != ValueKind.Date : !type.IsNumeric)
                Report(e.Position, DiagnosticKind.TypeError, $"{where}应为{expected.DisplayName}，但表达式的类型是{type.DisplayName}");
        }

        private void CheckOutcomes()
        {
            foreach (var o in guide.Outcomes)
            {
                var before = AnsweredBefore(o.Id);
                var w = $"结果“{o.Id}”";
                CheckTemplate(o.Title, before, w + "的标题");
                CheckTemplate(o.Summary, before, w + "的说明");
                CheckExpr(o.Urgent, before, w + "的 urgent", GuideType.Bool);
                foreach (var b in o.Basis)
                {
                    CheckExpr(b.If, before, w + "的法律依据条件", GuideType.Bool);
                    CheckTemplate(b.Why, Guarded(before, b.If), w + "的法律依据说明");
                }
                foreach (var (items, what) in new[] { (o.Materials, "材料清单"), (o.NextSteps, "下一步") })
                {
                    foreach (var i in items)
                    {
                        CheckExpr(i.If, before, $"{w}的{what}条件", GuideType.Bool);
                        CheckTemplate(i.Text, Guarded(before, i.If), $"{w}的{what}");
                    }
                }

                foreach (var place in o.Where)
                {
                    CheckExpr(place.If, before, w + "的办理地点条件", GuideType.Bool);
                    CheckTemplate(place.Detail, Guarded(before, place.If), w + "的办理地点");
                }

                foreach (var d in o.Deadlines)
                {
                    CheckExpr(d.If, before, $"{w}的期限条件", GuideType.Bool);
                    CheckExpr(d.Date, Guarded(before, d.If), $"{w}的期限“{d.Label}”", GuideType.Date);
                    CheckTemplate(d.Note, Guarded(before, d.If), $"{w}的期限说明");
                }

                if (o.Action is { } a)
                    CheckAction(o, a, before);
            }
        }

        private void CheckAction(Outcome o, ActionSpec a, IReadOnlySet<string>? outcomeBefore)
        {
            var w = $"结果“{o.Id}”的在线申请";
            CheckExpr(a.If, outcomeBefore, w + "条件", GuideType.Bool);
            var actionBefore = Guarded(outcomeBefore, a.If);
            var form = ApplicationForms.ByCode(a.Kind);
            if (form is null)
            {
                Report(a.Position, DiagnosticKind.Action, $"{w}类型“{a.Kind}”无效，可选：{string.Join("、", ApplicationForms.All.Select(f => f.Code))}");
                return;
            }

            foreach (var f in a.Fields)
            {
                var spec = form.Field(f.Name);
                if (spec is null)
                {
                    Report(f.Position, DiagnosticKind.Action, $"{form.Name}没有字段“{f.Name}”，可用：{string.Join("、", form.Fields.Select(x => x.Name))}");
                    continue;
                }

                CheckExpr(f.If, actionBefore, $"{w}字段“{f.Name}”的条件", GuideType.Bool);
                if (f.If is not null && spec.Required)
                    Report(f.If.Position, DiagnosticKind.Action, $"{w}字段“{f.Name}”（{spec.Label}）是必填的，不能带条件");
                var type = CheckExpr(f.Value, Guarded(actionBefore, f.If), $"{w}字段“{f.Name}”");
                if (type is null)
                    continue;
                if (!ExpressionTyper.IsAssignable(type, spec.GuideType))
                {
                    Report(f.Value.Position, DiagnosticKind.TypeError, $"{w}字段“{f.Name}”（{spec.Label}）应为{spec.GuideType.DisplayName}，但表达式的类型是{type.DisplayName}");
                    continue;
                }

                if (spec.Type == FieldType.Code && f.Value.Parsed is { } e)
                {
                    var possible = ExpressionTyper.PossibleStrings(e, _scope);
                    if (possible is null)
                    {
                        Report(f.Value.Position, DiagnosticKind.Action, $"{w}字段“{f.Name}”只能取固定的代码（{string.Join("、", spec.Allowed!.Keys)}），请写成代码或 if(条件, \"代码\", \"代码\")");
                        continue;
                    }

                    foreach (var bad in possible.Where(p => !spec.Allowed!.ContainsKey(p)))
                        Report(f.Value.Position, DiagnosticKind.Action, $"{w}字段“{f.Name}”可能取值“{bad}”，但它只接受：{string.Join("、", spec.Allowed!.Keys)}");
                }
            }

            foreach (var missing in form.Fields.Where(s => s.Required && a.Fields.All(f => f.Name != s.Name)))
                Report(a.Position, DiagnosticKind.Action, $"{w}缺少必填字段“{missing.Name}”（{missing.Label}）");
            foreach (var dup in a.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1))
                Report(dup.Last().Position, DiagnosticKind.Duplicate, $"{w}字段“{dup.Key}”重复");
        }

        private void CheckCitations(ILawArticleLookup laws)
        {
            var parser = new CitationParser(laws.Names);
            foreach (var o in guide.Outcomes)
            {
                foreach (var b in o.Basis)
                {
                    var parsed = parser.Parse(b.Cite);
                    foreach (var error in parsed.Errors)
                        Report(b.Position, DiagnosticKind.Citation, $"结果“{o.Id}”的法律依据“{b.Cite}”：{error.Reason}");
                    foreach (var c in parsed.Citations)
                    {
                        if (c.LawKey is null || laws.Title(c.LawKey) is not { } title)
                        {
                            if (parsed.Errors.Count == 0)
                                Report(b.Position, DiagnosticKind.Citation, $"结果“{o.Id}”的法律依据“{b.Cite}”：法律法规库中没有“{c.LawText}”");
                            continue;
                        }

                        if (laws.ArticleText(c.LawKey, c.ArticleNumber) is not { } text)
                        {
                            Report(b.Position, DiagnosticKind.Citation, $"结果“{o.Id}”的法律依据“{b.Cite}”：法律法规库中《{title}》现行版本没有{c.ArticleNumber.Display}");
                            continue;
                        }

                        var paragraphs = ArticleStructure.Paragraphs(text);
                        var p = c.Paragraph ?? 1;
                        if (c.Paragraph is not null && p > paragraphs.Count)
                        {
                            Report(b.Position, DiagnosticKind.Citation, $"结果“{o.Id}”的法律依据“{b.Cite}”：《{title}》{c.ArticleNumber.Display}只有{paragraphs.Count}款");
                            continue;
                        }

                        if (c.Item is int item && item > paragraphs[p - 1].Items)
                            Report(b.Position, DiagnosticKind.Citation, $"结果“{o.Id}”的法律依据“{b.Cite}”：《{title}》{c.ArticleNumber.Display}第{p}款只有{paragraphs[p - 1].Items}项");
                    }
                }
            }
        }
    }
}
