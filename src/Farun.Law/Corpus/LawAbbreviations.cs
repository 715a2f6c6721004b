namespace Farun.Law.Corpus;

/// <summary>
/// Curated abbreviations of law names as they appear in judgments, commentary and user questions. Each entry maps an
/// abbreviation to the full title it stands for; an entry is used only when that title is in the loaded corpus.
/// Short titles (the title without 中华人民共和国, e.g. 劳动合同法) are added automatically and are not listed here.
/// Only unambiguous abbreviations are listed: 合同法 is left out (it is a repealed law of its own, not 劳动合同法).
/// </summary>
internal static class LawAbbreviations
{
    internal sealed record Entry(string Alias, string Title, string Note);

    internal static IReadOnlyList<Entry> Entries { get; } =
    [
        // Procedure laws.
        new("民诉法", "中华人民共和国民事诉讼法", "standard abbreviation in judgments and textbooks"),
        new("刑诉法", "中华人民共和国刑事诉讼法", "standard abbreviation in judgments and textbooks"),
        new("行诉法", "中华人民共和国行政诉讼法", "standard abbreviation in judgments and textbooks"),
        new("劳动仲裁法", "中华人民共和国劳动争议调解仲裁法", "colloquial name used by workers asking about arbitration"),
        new("调解仲裁法", "中华人民共和国劳动争议调解仲裁法", "abbreviation used in labour-dispute commentary"),
        new("国赔法", "中华人民共和国国家赔偿法", "abbreviation used in administrative-law commentary"),
        new("行复法", "中华人民共和国行政复议法", "abbreviation used in administrative-law commentary"),

        // Substantive laws.
        new("消法", "中华人民共和国消费者权益保护法", "the usual short name of the consumer protection law"),
        new("消保法", "中华人民共和国消费者权益保护法", "alternative short name of the consumer protection law"),
        new("消费者权益法", "中华人民共和国消费者权益保护法", "name often used by laypeople"),
        new("道交法", "中华人民共和国道路交通安全法", "the usual short name of the road traffic safety law"),
        new("道路交通法", "中华人民共和国道路交通安全法", "name often used by laypeople"),
        new("道交法实施条例", "中华人民共和国道路交通安全法实施条例", "follows 道交法"),
        new("治安处罚法", "中华人民共和国治安管理处罚法", "common short name"),
        new("治安法", "中华人民共和国治安管理处罚法", "colloquial short name"),
        new("个保法", "中华人民共和国个人信息保护法", "abbreviation used in data-protection commentary"),
        new("网安法", "中华人民共和国网络安全法", "abbreviation used in data-protection commentary"),
        new("数安法", "中华人民共和国数据安全法", "abbreviation used in data-protection commentary"),
        new("未保法", "中华人民共和国未成年人保护法", "abbreviation used in official publicity material"),
        new("妇女权益法", "中华人民共和国妇女权益保障法", "name often used by laypeople"),
        new("老年人权益法", "中华人民共和国老年人权益保障法", "name often used by laypeople"),
        new("反家暴法", "中华人民共和国反家庭暴力法", "abbreviation used in official publicity material"),
        new("食安法", "中华人民共和国食品安全法", "abbreviation used in regulatory commentary"),
        new("社保法", "中华人民共和国社会保险法", "the usual short name of the social insurance law"),
        new("个税法", "中华人民共和国个人所得税法", "the usual short name of the individual income tax law"),
        new("征管法", "中华人民共和国税收征收管理法", "abbreviation used in tax practice"),
        new("破产法", "中华人民共和国企业破产法", "the usual short name of the enterprise bankruptcy law"),
        new("房地产管理法", "中华人民共和国城市房地产管理法", "common short name"),
        new("土地承包法", "中华人民共和国农村土地承包法", "common short name"),
        new("出入境管理法", "中华人民共和国出境入境管理法", "common short name"),
        new("劳动合同法条例", "中华人民共和国劳动合同法实施条例", "frequent lay misnaming of the implementing regulation"),

        // Judicial interpretations with well-established short names.
        new("民诉法解释", "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "standard short name (法释〔2015〕5号 as amended)"),
        new("民诉解释", "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "alternative short name"),
        new("刑诉法解释", "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", "standard short name (法释〔2021〕1号)"),
        new("刑诉解释", "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", "alternative short name"),
        new("行诉法解释", "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释", "standard short name (法释〔2018〕1号)"),
        new("担保制度解释", "最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释", "standard short name"),
        new("民法典担保制度解释", "最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释", "standard short name"),
        new("总则编解释", "最高人民法院关于适用《中华人民共和国民法典》总则编若干问题的解释", "standard short name"),
        new("民法典总则编解释", "最高人民法院关于适用《中华人民共和国民法典》总则编若干问题的解释", "standard short name"),
        new("合同编通则解释", "最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释", "standard short name"),
        new("民法典合同编通则解释", "最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释", "standard short name"),
        new("婚姻家庭编解释（一）", "最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）", "standard short name"),
        new("婚姻家庭编解释（二）", "最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（二）", "standard short name"),
        new("物权编解释（一）", "最高人民法院关于适用《中华人民共和国民法典》物权编的解释（一）", "standard short name"),
        new("继承编解释（一）", "最高人民法院关于适用《中华人民共和国民法典》继承编的解释（一）", "standard short name"),
        new("侵权责任编解释（一）", "最高人民法院关于适用《中华人民共和国民法典》侵权责任编的解释（一）", "standard short name"),
        new("民法典时间效力规定", "最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定", "standard short name"),
        new("劳动争议解释（一）", "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）", "standard short name"),
        new("民间借贷规定", "最高人民法院关于审理民间借贷案件适用法律若干问题的规定", "standard short name"),
        new("民间借贷司法解释", "最高人民法院关于审理民间借贷案件适用法律若干问题的规定", "name used by laypeople"),
        new("人身损害赔偿解释", "最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释", "standard short name"),
        new("道路交通事故损害赔偿解释", "最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释", "standard short name"),
        new("商品房买卖合同解释", "最高人民法院关于审理商品房买卖合同纠纷案件适用法律若干问题的解释", "standard short name"),
        new("建设工程施工合同解释（一）", "最高人民法院关于审理建设工程施工合同纠纷案件适用法律问题的解释（一）", "standard short name"),
        new("公司法解释（一）", "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（一）", "standard short name"),
        new("公司法解释（二）", "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（二）", "standard short name"),
        new("公司法解释（三）", "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（三）", "standard short name"),
        new("公司法解释（四）", "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（四）", "standard short name"),
        new("公司法解释（五）", "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（五）", "standard short name"),
    ];
}
