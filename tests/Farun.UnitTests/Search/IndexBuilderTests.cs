using Farun.Law.Corpus;
using Farun.Law.Search;
using Lucene.Net.Store;

namespace Farun.UnitTests.Search;

public sealed class IndexBuilderTests
{
    [Fact]
    public void Build_SeveralChunks_DocumentIdsFollowTheSequence()
    {
        // Enough documents for several chunks written on different threads: each must land at its place in the sequence,
        // or ties in ranking (and every evaluation figure) would change from one build to the next.
        var documents = Enumerable.Range(1, (LawIndexBuilder.ChunkSize * 3) + 17).Select(Document).ToList();
        using var first = Build(documents);
        using var second = Build(documents);
        Assert.Equal(documents.Count, first.Docs.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(documents[i].ArticleId, first.Docs[i].ArticleId);
            Assert.Equal(first.Docs[i].ArticleId, second.Docs[i].ArticleId);
        }
    }

    [Fact]
    public void Build_CountsDocumentsAndVersionsInForce()
    {
        var documents = Enumerable.Range(1, LawIndexBuilder.ChunkSize + 5).Select(Document).ToList();
        var result = LawIndexBuilder.Build(new RAMDirectory(), documents, RetrievalOptions.Default.Analyzers);
        Assert.Equal(documents.Count, result.Documents);
        Assert.Equal(documents.Count(d => d.IsCurrent), result.CurrentDocuments);
    }

    private static LawIndex Build(IReadOnlyList<SearchDocument> documents)
    {
        var directory = new RAMDirectory();
        LawIndexBuilder.Build(directory, documents, RetrievalOptions.Default.Analyzers);
        return LawIndex.Open(directory, ownsDirectory: true);
    }

    // Laws of 50 articles; every third law's text differs in length so that threads finish chunks at different times.
    private static SearchDocument Document(int n)
    {
        var law = "测试法" + (n / 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ArticleNumber.TryParse(((n % 50) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), out var number));
        var text = string.Concat(Enumerable.Repeat("用人单位应当按时足额支付劳动报酬。", 1 + (n % 7)));
        return new SearchDocument(law, law, law + "@1", law, [], LawLevel.Law, "测试", new DateOnly(2020, 1, 1), null, n % 11 != 0, number, "第一章", text);
    }
}
