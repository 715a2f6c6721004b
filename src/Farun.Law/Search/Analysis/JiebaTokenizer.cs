using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Farun.Law.Search.Analysis;

/// <summary>
/// A Lucene tokenizer over jieba.NET's search mode: every word plus the dictionary words inside long words
/// (中华人民共和国 → 中华, 华人, 人民, 共和, 共和国, 中华人民共和国). Whitespace and punctuation are dropped.
/// </summary>
public sealed class JiebaTokenizer : Tokenizer
{
    private readonly JiebaSegmenter _segmenter;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private List<JiebaNet.Segmenter.Token> _tokens = [];
    private int _index;
    private int _length;

    /// <summary>Creates a tokenizer reading <paramref name="input"/>.</summary>
    public JiebaTokenizer(JiebaSegmenter segmenter, TextReader input)
        : base(input)
    {
        _segmenter = segmenter;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_index < _tokens.Count)
        {
            var token = _tokens[_index++];
            if (!IsWord(token.Word))
            {
                continue;
            }

            _term.SetEmpty().Append(token.Word);
            _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            _type.Type = "word";
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _length = text.Length;
        _tokens = text.Length == 0 ? [] : _segmenter.Tokenize(text, TokenizerMode.Search).ToList();
        _index = 0;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    private static bool IsWord(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
