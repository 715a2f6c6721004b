using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Lawyers;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Lawyers;

/// <summary>
/// Gathers what <see cref="ConflictCheck"/> needs from the database: the case's opposing parties, and the clients that
/// each candidate lawyer (or their firm) acted for in other legal-aid cases. Identifiers are compared through the blind
/// index and the (public) credit code, so nothing is decrypted.
/// </summary>
public sealed class LawyerConflicts(FarunDbContext db)
{
    public async Task<IReadOnlyList<PartyKey>> OpposingPartiesAsync(Guid caseId, CancellationToken ct) =>
        await PartyKeys(db.CaseParties.Where(p => p.CaseId == caseId && p.Role == PartyRole.OpposingParty)).ToListAsync(ct);

    /// <summary>Conflicts per lawyer for the given case.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ConflictHit>>> CheckAsync(Guid caseId, IReadOnlyCollection<Lawyer> lawyers, CancellationToken ct)
    {
        var opposing = await OpposingPartiesAsync(caseId, ct);
        var result = lawyers.ToDictionary(l => l.Id, _ => (IReadOnlyList<ConflictHit>)[]);
        if (opposing.Count == 0 || lawyers.Count == 0)
            return result;

        var firmIds = lawyers.Select(l => l.FirmId).Distinct().ToList();
        var prior = await (
                from d in db.LegalAidDetails
                where d.LawFirmId != null && firmIds.Contains(d.LawFirmId.Value) && d.CaseId != caseId
                join c in db.Cases on d.CaseId equals c.Id
                join p in db.CaseParties on c.Id equals p.CaseId
                where p.Role == PartyRole.Applicant
                select new
                {
                    c.Number,
                    d.LawyerId,
                    d.LawFirmId,
                    p.Name,
                    IdIndex = db.Persons.Where(x => x.Id == p.PersonId).Select(x => x.IdNumberIndex).FirstOrDefault(),
                    CreditCode = db.Organisations.Where(x => x.Id == p.OrganisationId).Select(x => x.CreditCode).FirstOrDefault(),
                    IsOrganisation = p.OrganisationId != null,
                })
            .AsNoTracking().ToListAsync(ct);

        foreach (var lawyer in lawyers)
        {
            var clients = prior.Where(x => x.LawFirmId == lawyer.FirmId)
                .Select(x => new PriorClient(x.Number, new PartyKey(x.Name, x.IdIndex, x.CreditCode, x.IsOrganisation), x.LawyerId != lawyer.Id));
            result[lawyer.Id] = ConflictCheck.Find(opposing, clients);
        }

        return result;
    }

    private IQueryable<PartyKey> PartyKeys(IQueryable<CaseParty> parties) =>
        parties.Select(p => new PartyKey(
            p.Name,
            db.Persons.Where(x => x.Id == p.PersonId).Select(x => x.IdNumberIndex).FirstOrDefault(),
            db.Organisations.Where(x => x.Id == p.OrganisationId).Select(x => x.CreditCode).FirstOrDefault(),
            p.OrganisationId != null));
}
