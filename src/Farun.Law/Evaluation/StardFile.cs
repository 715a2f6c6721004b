using System.Globalization;
using System.Text.Json;
using Farun.Law.Search;

namespace Farun.Law.Evaluation;

/// <summary>A query of a STARD-format file: the question and the names of its relevant articles.</summary>
/// <param name="Id">The query id.</param>
/// <param name="Text">The question (问题).</param>
/// <param name="References">Relevant article names (match_name), e.g. 中华人民共和国民法典第五十四条.</param>
public sealed record StardQuery(string Id, string Text, IReadOnlyList<string> References);

/// <summary>Reads STARD-format files: a JSON array of {query_id, 问题, match_name[], …}.</summary>
public static class StardFile
{
    /// <summary>Loads a file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not a STARD-format JSON array.</exception>
    public static IReadOnlyList<StardQuery> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    /// <summary>Parses a STARD-format JSON array.</summary>
    /// <exception cref="FormatException">The content is not a STARD-format JSON array.</exception>
    public static IReadOnlyList<StardQuery> Parse(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("查询文件不是有效的 JSON：" + e.Message, e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("查询文件须为 JSON 数组。");
            }

            var result = new List<StardQuery>();
            var index = 0;
            foreach (var e in document.RootElement.EnumerateArray())
            {
                var id = e.TryGetProperty("query_id", out var idElement)
                    ? idElement.ValueKind == JsonValueKind.Number ? idElement.GetInt64().ToString(CultureInfo.InvariantCulture) : idElement.GetString()
                    : null;
                id ??= index.ToString(CultureInfo.InvariantCulture);
                if (!e.TryGetProperty("问题", out var question) || question.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"第 {index + 1} 条查询缺少“问题”。");
                }

                var references = new List<string>();
                if (e.TryGetProperty("match_name", out var names) && names.ValueKind == JsonValueKind.Array)
                {
                    references.AddRange(names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!));
                }
                else if (e.TryGetProperty("相关法规", out var related) && related.ValueKind == JsonValueKind.Object)
                {
                    references.AddRange(related.EnumerateObject().Select(p => p.Name));
                }

                result.Add(new StardQuery(id, question.GetString()!, references));
                index++;
            }

            return result;
        }
    }

    /// <summary>The queries as labelled questions, references resolved (unresolvable ones dropped).</summary>
    public static IReadOnlyList<LabelledQuestion> ToLabelled(IEnumerable<StardQuery> queries, Func<string, string?> resolve, string idPrefix = "stard:")
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(resolve);
        return queries
            .Select(q => new LabelledQuestion(idPrefix + q.Id, q.Text, q.References.Select(resolve).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()))
            .Where(q => q.ArticleIds.Count > 0)
            .ToArray();
    }
}

/// <summary>Labelled questions from a STARD-format file (e.g. the train split), configured by path; never committed.</summary>
public sealed class StardQuestionSource(string path) : ILabelledQuestionSource
{
    /// <inheritdoc />
    public string Name => "STARD:" + Path.GetFileName(path);

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelledQuestion>> LoadAsync(Func<string, string?> resolve, CancellationToken ct) =>
        Task.FromResult(StardFile.ToLabelled(StardFile.Load(path), resolve));
}
