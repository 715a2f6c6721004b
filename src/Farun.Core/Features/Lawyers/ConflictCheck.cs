using Farun.Features.Persons;

namespace Farun.Features.Lawyers;

/// <summary>What is known of a party for a conflict check: the name, and the blind index of the ID number or the credit code.</summary>
public sealed record PartyKey(string Name, string? IdNumberIndex, string? CreditCode, bool IsOrganisation);

/// <summary>A client the lawyer (or another lawyer of the same firm) acted for in another case.</summary>
public sealed record PriorClient(string CaseNumber, PartyKey Client, bool ThroughFirm);

public enum ConflictStrength
{
    /// <summary>Names match closely; a person should look (an override needs a reason).</summary>
    Possible = 1,

    /// <summary>Same ID number or credit code: assignment is refused.</summary>
    Definite = 2,
}

/// <summary>An opposing party of this case was a client of the lawyer or firm elsewhere.</summary>
public sealed record ConflictHit(ConflictStrength Strength, string CaseNumber, string OpposingParty, string Reason);

/// <summary>
/// Conflict-of-interest check for assigning a lawyer (《律师法》第三十九条; 《律师执业行为规范》利益冲突审查): has the lawyer
/// or their firm acted for anyone who is an opposing party here? Identity numbers and credit codes match exactly (through
/// the blind index, so nothing is decrypted); names match fuzzily, and only when an exact identifier cannot decide.
/// </summary>
public static class ConflictCheck
{
    public static IReadOnlyList<ConflictHit> Find(IEnumerable<PartyKey> opposingParties, IEnumerable<PriorClient> priorClients)
    {
        var prior = priorClients.ToList();
        var hits = new List<ConflictHit>();
        foreach (var opposing in opposingParties)
        {
            foreach (var p in prior)
            {
                var who = p.ThroughFirm ? "该律师所在律所" : "该律师";
                var c = p.Client;
                if (opposing.IsOrganisation != c.IsOrganisation)
                    continue;
                if (opposing.IdNumberIndex is not null && c.IdNumberIndex is not null)
                {
                    if (opposing.IdNumberIndex == c.IdNumberIndex)
                        hits.Add(new ConflictHit(ConflictStrength.Definite, p.CaseNumber, opposing.Name, $"{who}在{p.CaseNumber}中代理过对方当事人{opposing.Name}（证件号码相同）"));
                    continue;
                }

                if (opposing.CreditCode is not null && c.CreditCode is not null)
                {
                    if (opposing.CreditCode == c.CreditCode)
                        hits.Add(new ConflictHit(ConflictStrength.Definite, p.CaseNumber, opposing.Name, $"{who}在{p.CaseNumber}中代理过对方当事人{opposing.Name}（统一社会信用代码相同）"));
                    continue;
                }

                if (NamesMatch(opposing.Name, c.Name, opposing.IsOrganisation))
                    hits.Add(new ConflictHit(ConflictStrength.Possible, p.CaseNumber, opposing.Name, $"{who}在{p.CaseNumber}中代理过“{c.Name}”，与对方当事人“{opposing.Name}”名称相近"));
            }
        }

        return [.. hits.DistinctBy(h => (h.CaseNumber, h.OpposingParty, h.Strength)).OrderByDescending(h => h.Strength)];
    }

    /// <summary>
    /// Fuzzy name match. Persons: equal after normalisation, or one character apart for names of three or more characters
    /// (a typo or a variant character; two-character names differ in one character too often to tell). Organisations:
    /// names without legal-form words equal, one containing the other (at least four characters), or one character apart
    /// from six characters on.
    /// </summary>
    public static bool NamesMatch(string a, string b, bool organisation)
    {
        var x = organisation ? OrganisationNames.Key(a) : Common.Privacy.BlindIndex.Normalize(Common.Privacy.BlindIndexKind.Name, a).Replace(" ", "", StringComparison.Ordinal);
        var y = organisation ? OrganisationNames.Key(b) : Common.Privacy.BlindIndex.Normalize(Common.Privacy.BlindIndexKind.Name, b).Replace(" ", "", StringComparison.Ordinal);
        if (x.Length == 0 || y.Length == 0)
            return false;
        if (x == y)
            return true;
        if (organisation)
        {
            var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
            if (shorter.Length >= 4 && longer.Contains(shorter, StringComparison.Ordinal))
                return true;
            return Math.Min(x.Length, y.Length) >= 6 && EditDistanceAtMostOne(x, y);
        }

        return Math.Min(x.Length, y.Length) >= 3 && EditDistanceAtMostOne(x, y);
    }

    /// <summary>Whether one insertion, deletion or substitution turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
                return false;
            if (a.Length > b.Length)
                i++;
            else if (a.Length < b.Length)
                j++;
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
