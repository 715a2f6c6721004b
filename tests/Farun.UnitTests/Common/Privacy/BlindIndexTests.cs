using Farun.Common.Privacy;

namespace Farun.UnitTests.Common.Privacy;

public sealed class BlindIndexTests
{
    private static readonly BlindIndex Index = NewIndex(PersonalDataKeyGenerator.NewKey());
    private static readonly string[] Phones = ["13812345678", "028-87654321", "13912345678"];

    [Theory]
    [InlineData("51010419900101102x")]
    [InlineData(" 5101 0419 9001 0110 2X ")]
    [InlineData("５１０１０４１９９００１０１１０２ｘ")]
    [InlineData("510104-19900101-102X")]
    public void Compute_IdNumberWritings_SameIndex(string input) =>
        Assert.Equal(Index.Compute(BlindIndexKind.IdNumber, "51010419900101102X"), Index.Compute(BlindIndexKind.IdNumber, input));

    [Fact]
    public void Compute_DifferentIdNumbers_DifferentIndex() =>
        Assert.NotEqual(Index.Compute(BlindIndexKind.IdNumber, "51010419900101102X"), Index.Compute(BlindIndexKind.IdNumber, "510104199001011230"));

    [Theory]
    [InlineData("+86 138-1234-5678")]
    [InlineData("0086 13812345678")]
    [InlineData("138 1234 5678")]
    public void Compute_PhoneWritings_SameIndex(string input) =>
        Assert.Equal(Index.Compute(BlindIndexKind.Phone, "13812345678"), Index.Compute(BlindIndexKind.Phone, input));

    [Theory]
    [InlineData("买买提•艾力")]
    [InlineData(" 买买提・艾力 ")]
    [InlineData("买买提･艾力")]
    public void Compute_NameWithMiddleDotVariants_SameIndex(string input) =>
        Assert.Equal(Index.Compute(BlindIndexKind.Name, "买买提·艾力"), Index.Compute(BlindIndexKind.Name, input));

    [Fact]
    public void Compute_LatinNameCaseAndSpaces_SameIndex() =>
        Assert.Equal(Index.Compute(BlindIndexKind.Name, "John  Smith"), Index.Compute(BlindIndexKind.Name, " JOHN SMITH"));

    [Fact]
    public void Compute_SameTextDifferentKinds_Unrelated() =>
        Assert.NotEqual(Index.Compute(BlindIndexKind.IdNumber, "13812345678"), Index.Compute(BlindIndexKind.Phone, "13812345678"));

    [Fact]
    public void Compute_Output_Is64LowerHexAndNotThePlaintext()
    {
        var value = Index.Compute(BlindIndexKind.IdNumber, "51010419900101102X");
        Assert.NotNull(value);
        Assert.Matches("^[0-9a-f]{64}$", value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void Compute_NothingLeftAfterNormalising_Null(string? input) =>
        Assert.Null(Index.Compute(BlindIndexKind.IdNumber, input));

    [Fact]
    public void Compute_DifferentKeys_DifferentIndexAndFingerprint()
    {
        var other = NewIndex(PersonalDataKeyGenerator.NewKey());
        Assert.NotEqual(Index.Compute(BlindIndexKind.Phone, "13812345678"), other.Compute(BlindIndexKind.Phone, "13812345678"));
        Assert.NotEqual(Index.KeyFingerprint, other.KeyFingerprint);
    }

    [Fact]
    public void Compute_SameKeyNewInstance_SameIndexAndFingerprint()
    {
        var key = PersonalDataKeyGenerator.NewKey();
        var a = NewIndex(key);
        var b = NewIndex(key);
        Assert.Equal(a.Compute(BlindIndexKind.Name, "张三"), b.Compute(BlindIndexKind.Name, "张三"));
        Assert.Equal(a.KeyFingerprint, b.KeyFingerprint);
        Assert.Equal(16, a.KeyFingerprint.Length);
    }

    [Fact]
    public void Recompute_AfterKeyChange_UpdatesEveryChangedRecord()
    {
        var oldIndex = NewIndex(PersonalDataKeyGenerator.NewKey());
        var records = Phones
            .Select(p => new Record(p) { Index = oldIndex.Compute(BlindIndexKind.Phone, p) })
            .ToList();

        var changed = Index.Recompute(records, BlindIndexKind.Phone, r => r.Phone, r => r.Index, (r, v) => r.Index = v);

        Assert.Equal(3, changed);
        Assert.All(records, r => Assert.Equal(Index.Compute(BlindIndexKind.Phone, r.Phone), r.Index));
        Assert.Equal(0, Index.Recompute(records, BlindIndexKind.Phone, r => r.Phone, r => r.Index, (r, v) => r.Index = v));
    }

    [Fact]
    public void Constructor_MissingKey_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new BlindIndex(new PersonalDataOptions()));
        Assert.Contains("Farun:PersonalData:BlindIndexKey", ex.Message, StringComparison.Ordinal);
    }

    private static BlindIndex NewIndex(string key) => new(new PersonalDataOptions { BlindIndexKey = key });

    private sealed class Record(string phone)
    {
        public string Phone { get; } = phone;

        public string? Index { get; set; }
    }
}
