namespace Farun.Common.Validation;

/// <summary>Identity documents accepted when registering a person (applicant, party, client).</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证 (GB 11643-1999, 18 characters).</summary>
    ResidentIdCard = 1,

    /// <summary>中华人民共和国普通护照: E + 8 digits, E + letter + 7 digits, or the older G + 8 digits.</summary>
    ChinesePassport = 2,

    /// <summary>外国护照: no common format, 5 to 20 letters and digits.</summary>
    ForeignPassport = 3,

    /// <summary>港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) + 8 or 10 digits.</summary>
    HongKongMacaoTravelPermit = 4,

    /// <summary>台湾居民来往大陆通行证 (台胞证): 8 digits (card since 2015), or 10 digits with a letter suffix (booklet).</summary>
    TaiwanTravelPermit = 5,

    /// <summary>港澳居民居住证: 18 characters like the resident card, division code 810000 or 820000.</summary>
    HongKongMacaoResidencePermit = 6,

    /// <summary>台湾居民居住证: 18 characters like the resident card, division code 830000.</summary>
    TaiwanResidencePermit = 7,

    /// <summary>Any other document (军官证, 外国人永久居留身份证 …): only length (2 to 40) and characters are checked.</summary>
    Other = 99,
}

/// <summary>Chinese names of <see cref="IdDocumentType"/> for forms and documents.</summary>
public static class IdDocumentTypeNames
{
    public static string DisplayName(this IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.ChinesePassport => "中国护照",
        IdDocumentType.ForeignPassport => "外国护照",
        IdDocumentType.HongKongMacaoTravelPermit => "港澳居民来往内地通行证",
        IdDocumentType.TaiwanTravelPermit => "台湾居民来往大陆通行证",
        IdDocumentType.HongKongMacaoResidencePermit => "港澳居民居住证",
        IdDocumentType.TaiwanResidencePermit => "台湾居民居住证",
        IdDocumentType.Other => "其他证件",
        _ => "未知证件",
    };
}
