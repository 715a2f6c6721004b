using System.Globalization;
using System.Text;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>
/// A node of the guide expression language. <see cref="Start"/> and <see cref="End"/> are character offsets into the
/// expression text, so errors can point at the exact place in the YAML file.
/// </summary>
public abstract record Expr(int Start, int End);

public sealed record LiteralExpr(object Value, GuideType Type, int Start, int End) : Expr(Start, End);

public sealed record NameExpr(string Name, int Start, int End) : Expr(Start, End);

public sealed record UnaryExpr(string Op, Expr Operand, int Start, int End) : Expr(Start, End);

public sealed record BinaryExpr(string Op, Expr Left, Expr Right, int Start, int End) : Expr(Start, End);

public sealed record CallExpr(string Name, IReadOnlyList<Expr> Args, int Start, int End) : Expr(Start, End);

/// <summary>A syntax error in an expression, at a character offset.</summary>
public sealed class ExpressionSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Parser of the guide expression language:
/// <code>
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := sum (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum)?
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*
/// unary   := "-" unary | primary
/// primary := number | "string" | 'string' | true | false | name | name "(" [expr ("," expr)*] ")" | "(" expr ")"
/// </code>
/// Names are question, computed-value and parameter ids (letters, digits and underscores).
/// </summary>
public static class ExpressionParser
{
    public const int MaxLength = 2000;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "true", "false" };

    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
            throw new ExpressionSyntaxException(0, $"表达式过长（超过{MaxLength}个字符）");
        var tokens = Tokenize(text);
        var p = new Parser(tokens, text);
        var expr = p.ParseOr();
        if (p.Current.Kind != TokenKind.End)
            throw new ExpressionSyntaxException(p.Current.Start, $"表达式在“{p.Current.Text}”处多出了内容");
        return expr;
    }

    private enum TokenKind
    {
        Number,
        String,
        Name,
        Op,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, object? Value, int Start, int End);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
                    i++;
                if (i < s.Length - 1 && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
                {
                    i++;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                        i++;
                }

                var digits = s[start..i].Replace("_", "", StringComparison.Ordinal);
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    throw new ExpressionSyntaxException(start, $"无法读取数字“{s[start..i]}”");
                tokens.Add(new Token(TokenKind.Number, s[start..i], number, start, i));
                continue;
            }

            if (c is '"' or '\'')
            {
                var quote = c;
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= s.Length)
                        throw new ExpressionSyntaxException(start, "字符串缺少结束引号");
                    if (s[i] == '\\' && i + 1 < s.Length)
                    {
                        sb.Append(s[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (s[i] == quote)
                    {
                        i++;
                        break;
                    }

                    sb.Append(s[i++]);
                }

                tokens.Add(new Token(TokenKind.String, s[start..i], sb.ToString(), start, i));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Name, s[start..i], null, start, i));
                continue;
            }

            var two = i + 1 < s.Length ? s.Substring(i, 2) : "";
            if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
            {
                tokens.Add(new Token(TokenKind.Op, two switch { "&&" => "and", "||" => "or", _ => two }, null, i, i + 2));
                i += 2;
                continue;
            }

            if (c is '<' or '>' or '+' or '-' or '*' or '/' or '(' or ')' or ',' or '!')
            {
                tokens.Add(new Token(TokenKind.Op, c == '!' ? "not" : c.ToString(), null, i, i + 1));
                i++;
                continue;
            }

            if (c == '=')
                throw new ExpressionSyntaxException(i, "比较是否相等请用“==”，不是“=”");
            throw new ExpressionSyntaxException(i, $"表达式中不能出现字符“{c}”" + (c > 127 ? "（请检查是否误用了中文标点）" : ""));
        }

        tokens.Add(new Token(TokenKind.End, "结尾", null, s.Length, s.Length));
        return tokens;
    }

    private sealed class Parser(List<Token> tokens, string text)
    {
        private int _pos;

        public Token Current => tokens[_pos];

        private bool IsOp(string op) =>
            (Current.Kind == TokenKind.Op && Current.Text == op) || (Current.Kind == TokenKind.Name && Current.Text == op && Keywords.Contains(op));

        private Token Take() => tokens[_pos++];

        public Expr ParseOr()
        {
            var left = ParseAnd();
            while (IsOp("or"))
            {
                Take();
                var right = ParseAnd();
                left = new BinaryExpr("or", left, right, left.Start, right.End);
            }

            return left;
        }

        private Expr ParseAnd()
        {
            var left = ParseNot();
            while (IsOp("and"))
            {
                Take();
                var right = ParseNot();
                left = new BinaryExpr("and", left, right, left.Start, right.End);
            }

            return left;
        }

        private Expr ParseNot()
        {
            if (IsOp("not"))
            {
                var t = Take();
                var operand = ParseNot();
                return new UnaryExpr("not", operand, t.Start, operand.End);
            }

            return ParseCompare();
        }

        private Expr ParseCompare()
        {
            var left = ParseSum();
            foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
            {
                if (IsOp(op))
                {
                    Take();
                    var right = ParseSum();
                    var result = new BinaryExpr(op, left, right, left.Start, right.End);
                    if (Current.Kind == TokenKind.Op && Current.Text is "==" or "!=" or "<=" or ">=" or "<" or ">")
                        throw new ExpressionSyntaxException(Current.Start, "比较不能连写（如 a < b < c），请用 and 连接两个比较");
                    return result;
                }
            }

            return left;
        }

        private Expr ParseSum()
        {
            var left = ParseProduct();
            while (IsOp("+") || IsOp("-"))
            {
                var op = Take().Text;
                var right = ParseProduct();
                left = new BinaryExpr(op, left, right, left.Start, right.End);
            }

            return left;
        }

        private Expr ParseProduct()
        {
            var left = ParseUnary();
            while (IsOp("*") || IsOp("/"))
            {
                var op = Take().Text;
                var right = ParseUnary();
                left = new BinaryExpr(op, left, right, left.Start, right.End);
            }

            return left;
        }

        private Expr ParseUnary()
        {
            if (IsOp("-"))
            {
                var t = Take();
                var operand = ParseUnary();
                return new UnaryExpr("-", operand, t.Start, operand.End);
            }

            return ParsePrimary();
        }

        private Expr ParsePrimary()
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.Number:
                    Take();
                    return new LiteralExpr(t.Value!, GuideType.Number, t.Start, t.End);
                case TokenKind.String:
                    Take();
                    return new LiteralExpr(t.Value!, GuideType.Text, t.Start, t.End);
                case TokenKind.Name when t.Text is "true" or "false":
                    Take();
                    return new LiteralExpr(t.Text == "true", GuideType.Bool, t.Start, t.End);
                case TokenKind.Name when Keywords.Contains(t.Text):
                    throw new ExpressionSyntaxException(t.Start, $"“{t.Text}”前面缺少内容");
                case TokenKind.Name:
                    Take();
                    if (IsOp("("))
                    {
                        Take();
                        var args = new List<Expr>();
                        if (!IsOp(")"))
                        {
                            args.Add(ParseOr());
                            while (IsOp(","))
                            {
                                Take();
                                args.Add(ParseOr());
                            }
                        }

                        if (!IsOp(")"))
                            throw new ExpressionSyntaxException(Current.Start, $"函数 {t.Text}(…) 缺少右括号“)”");
                        var close = Take();
                        return new CallExpr(t.Text, args, t.Start, close.End);
                    }

                    return new NameExpr(t.Text, t.Start, t.End);
                case TokenKind.Op when t.Text == "(":
                    Take();
                    var inner = ParseOr();
                    if (!IsOp(")"))
                        throw new ExpressionSyntaxException(Current.Start, "缺少右括号“)”");
                    Take();
                    return inner;
                case TokenKind.End:
                    throw new ExpressionSyntaxException(t.Start, text.Trim().Length == 0 ? "表达式是空的" : "表达式不完整");
                default:
                    throw new ExpressionSyntaxException(t.Start, $"此处不应出现“{t.Text}”");
            }
        }
    }
}
