namespace Farun.Law.Corpus;

/// <summary>Which part of the corpus to load.</summary>
public enum LawScope
{
    /// <summary>National law: every category folder except <c>DLC/</c>.</summary>
    National,

    /// <summary>National law plus the local regulations under <c>DLC/</c>.</summary>
    All,
}

/// <summary>The rank of a legal document, derived from its corpus folder.</summary>
public enum LawLevel
{
    /// <summary>宪法 (the Constitution and its amendments).</summary>
    Constitution,

    /// <summary>法律 (laws of the NPC and its Standing Committee).</summary>
    Law,

    /// <summary>行政法规 (State Council regulations).</summary>
    AdministrativeRegulation,

    /// <summary>司法解释 (judicial interpretations).</summary>
    JudicialInterpretation,

    /// <summary>部门规章 (ministerial rules).</summary>
    DepartmentalRule,

    /// <summary>地方性法规 (local regulations).</summary>
    LocalRegulation,
}

/// <summary>Chinese names of <see cref="LawLevel"/> values.</summary>
public static class LawLevelExtensions
{
    /// <summary>The Chinese name: 宪法, 法律, 行政法规, 司法解释, 部门规章, 地方性法规.</summary>
    public static string DisplayName(this LawLevel level) => level switch
    {
        LawLevel.Constitution => "宪法",
        LawLevel.Law => "法律",
        LawLevel.AdministrativeRegulation => "行政法规",
        LawLevel.JudicialInterpretation => "司法解释",
        LawLevel.DepartmentalRule => "部门规章",
        LawLevel.LocalRegulation => "地方性法规",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
