namespace Farun.Law.Search;

/// <summary>A question whose relevant articles are known (a STARD query, later a staff-confirmed consultation).</summary>
/// <param name="Id">A stable id, unique within its source.</param>
/// <param name="Text">The question as asked.</param>
/// <param name="ArticleIds">The relevant articles (law key + '#' + article key, see <see cref="SearchKeys.Article"/>).</param>
public sealed record LabelledQuestion(string Id, string Text, IReadOnlyList<string> ArticleIds);

/// <summary>
/// A source of labelled questions for the learned components of the search engine: a STARD-format file now,
/// staff-confirmed consultations from the database later. Everything learned comes only from such sources.
/// </summary>
public interface ILabelledQuestionSource
{
    /// <summary>A short name for logs and explanations (e.g. "STARD train", "已确认咨询").</summary>
    string Name { get; }

    /// <summary>
    /// The questions, with their articles resolved to article ids (law key + '#' + article key). References that
    /// <paramref name="resolve"/> cannot resolve (a name that is not a known article) are dropped.
    /// </summary>
    /// <param name="resolve">Resolves an article name such as 劳动合同法第三十条 to its article id, or null.</param>
    /// <param name="ct">Cancellation.</param>
    Task<IReadOnlyList<LabelledQuestion>> LoadAsync(Func<string, string?> resolve, CancellationToken ct);
}
