using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Mediation;

/// <summary>The written agreement as a printable page (print CSS: A4, no navigation); the same model as the DOCX.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AgreementPrintModel(AgreementDocuments documents) : PageModel
{
    public AgreementDocument Document { get; private set; } = null!;

    public Guid Id { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Document = await documents.BuildAsync(id, User, "print", ct);
    }
}
