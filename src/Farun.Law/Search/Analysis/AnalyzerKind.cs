namespace Farun.Law.Search.Analysis;

/// <summary>The Chinese analyzers the engine can index and query with (each in its own fields).</summary>
public enum AnalyzerKind
{
    /// <summary>Lucene's SmartCn (HMM word segmentation); the baseline's analyzer.</summary>
    SmartCn,

    /// <summary>Overlapping character bigrams (CJK bigram filter), single characters where no bigram forms.</summary>
    Bigram,

    /// <summary>jieba.NET in search mode (words plus their dictionary sub-words) with the legal user dictionary.</summary>
    Jieba,
}
