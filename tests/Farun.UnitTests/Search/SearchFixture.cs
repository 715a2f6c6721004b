using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Law.Search;
using Farun.UnitTests.Law;
using Lucene.Net.Store;

namespace Farun.UnitTests.Search;

/// <summary>The miniature search corpus (Fixtures/Search/Laws) indexed in memory once for the test class.</summary>
public sealed class SearchFixture : IDisposable
{
    public SearchFixture()
    {
        Corpus = LawCorpus.Load(LawsPath, LawScope.National);
        Documents = SearchDocuments.FromCorpus(Corpus).ToList();
        var directory = new RAMDirectory();
        LawIndexBuilder.Build(directory, Documents, RetrievalOptions.Default.Analyzers);
        Index = LawIndex.Open(directory, ownsDirectory: true);
        Names = LawNameIndex.FromLaws(Corpus.Laws);
    }

    public static string Root => Path.Combine(TestPaths.RepositoryRoot, "tests", "Farun.UnitTests", "Fixtures", "Search");

    public static string LawsPath => Path.Combine(Root, "Laws");

    public static string QueriesPath => Path.Combine(Root, "queries.json");

    public LawCorpus Corpus { get; }

    public List<SearchDocument> Documents { get; }

    public LawIndex Index { get; }

    public LawNameIndex Names { get; }

    public StatuteSearchEngine Engine(SearchModel? model = null, RetrievalOptions? options = null) =>
        new(Index, Names, LayVocabulary.Default, model ?? SearchModel.Untrained(), options ?? RetrievalOptions.Default with { Ranker = RankerKind.Bm25 });

    public void Dispose() => Index.Dispose();
}
