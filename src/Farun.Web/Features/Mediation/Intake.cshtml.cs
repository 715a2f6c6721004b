using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Persons;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Mediation;

/// <summary>Registers a dispute for mediation (party application, 公调/诉调/访调 referral, committee initiative) through the case API's handler.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IntakeModel(CreateCase.Handler handler, IValidator<CreateCase.Request> validator, MediatorRegistry.Handler registry) : PageModel
{
    [BindProperty]
    public MediationSource Source { get; set; } = MediationSource.PartyApplication;

    [BindProperty]
    public Guid? CommitteeId { get; set; }

    [BindProperty]
    public DisputeType DisputeType { get; set; } = DisputeType.Neighbourhood;

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? ApplicantPhone { get; set; }

    [BindProperty]
    public string? ApplicantIdNumber { get; set; }

    [BindProperty]
    public string? OpposingName { get; set; }

    [BindProperty]
    public string? OpposingPhone { get; set; }

    [BindProperty]
    public string? Station { get; set; }

    [BindProperty]
    public string? Officer { get; set; }

    [BindProperty]
    public string? Incident { get; set; }

    [BindProperty]
    public Guid? StationedLawyerId { get; set; }

    [BindProperty]
    public string? ReferringBody { get; set; }

    [BindProperty]
    public string? ReferenceNumber { get; set; }

    public IReadOnlyList<MediatorRegistry.CommitteeDto> Committees { get; private set; } = [];

    public IReadOnlyList<MediatorRegistry.MediatorDto> StationedLawyers { get; private set; } = [];

    /// <summary>The errors of the last post, by the API's field path (see <see cref="Inputs"/>).</summary>
    public FormErrorSet Errors { get; private set; } = new();

    public FormErrorView FieldErrors => Errors.Place(Inputs);

    /// <summary>Which input shows the errors of which request path (and the paths under it), in the order of the form.</summary>
    private static readonly (string Path, string InputId)[] Inputs =
    [
        ("mediation.source", nameof(Source)),
        ("channel", nameof(Source)),
        ("mediation.committeeId", nameof(CommitteeId)),
        ("mediation.disputeType", nameof(DisputeType)),
        ("mediation.description", nameof(Description)),
        ("mediation.amountInvolved", nameof(Amount)),
        ("applicant", nameof(ApplicantName)),
        ("applicant.person.name", nameof(ApplicantName)),
        ("applicant.person.phone", nameof(ApplicantPhone)),
        ("applicant.person.idNumber", nameof(ApplicantIdNumber)),
        ("applicant.person.documentType", nameof(ApplicantIdNumber)),
        ("parties[0]", nameof(OpposingName)),
        ("parties[0].person.name", nameof(OpposingName)),
        ("parties[0].person.phone", nameof(OpposingPhone)),
        ("mediation.police", nameof(Station)),
        ("mediation.police.station", nameof(Station)),
        ("mediation.police.officerName", nameof(Officer)),
        ("mediation.police.incidentNumber", nameof(Incident)),
        ("mediation.police.stationedLawyerId", nameof(StationedLawyerId)),
        ("mediation.referringBody", nameof(ReferringBody)),
        ("mediation.referenceNumber", nameof(ReferenceNumber)),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var channel = Source switch
        {
            MediationSource.PoliceReferral => CaseChannel.PoliceReferral,
            MediationSource.CourtReferral => CaseChannel.CourtReferral,
            MediationSource.PetitionReferral => CaseChannel.PetitionReferral,
            _ => CaseChannel.WalkIn,
        };
        var request = new CreateCase.Request(
            CaseType.Mediation, channel, null,
            new CreateCase.PartyRequest(null, null, Person(ApplicantName, ApplicantPhone, ApplicantIdNumber), null, null),
            [new CreateCase.PartyRequest(PartyRole.OpposingParty, null, Person(OpposingName, OpposingPhone, null), null, null)],
            null, null, null, null, null,
            new MediationIntakeRequest(Source, DisputeType, Description, Amount, CommitteeId,
                Source == MediationSource.PoliceReferral ? new MediationIntakeRequest.PoliceRequest(Station, Officer, Incident, StationedLawyerId) : null,
                ReferringBody, ReferenceNumber));
        Guid? createdId = null;
        Errors = await FormErrorSet.TryAsync(async () =>
        {
            await validator.ValidateAndThrowAsync(request, ct);
            createdId = (await handler.HandleAsync(request, User, ct)).Case.Id;
        });
        if (createdId is { } caseId)
            return Redirect($"/mediation/cases/{caseId}");

        Response.StatusCode = Errors.StatusCode;
        await LoadAsync(ct);
        return Page();
    }

    private static PersonInput? Person(string? name, string? phone, string? id) =>
        new(name ?? "", string.IsNullOrWhiteSpace(id) ? null : Farun.Common.Validation.IdDocumentType.ResidentIdCard, string.IsNullOrWhiteSpace(id) ? null : id,
            string.IsNullOrWhiteSpace(phone) ? null : phone, null, null, null, null);

    private async Task LoadAsync(CancellationToken ct)
    {
        Committees = await registry.CommitteesAsync(ct);
        StationedLawyers = await registry.MediatorsAsync(null, true, ct);
    }
}
