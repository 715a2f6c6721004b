using Farun.Web.Common;
using Farun.Web.Features.Guides.Apply;
using Farun.Web.Features.Guides.Engine;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Features.Guides;

/// <summary>The one online step: the application pre-filled from the answers; the citizen adds name and phone (and, for
/// mediation, the other party when the guide did not ask and the committee; for notarization, one of the free slots).</summary>
[AllowAnonymous]
public sealed class GuideApplyModel(
    GuideInterviews interviews, ApplyFromGuide.Handler handler, IValidator<ApplyFromGuide.Request> validator, ApplicationChoices choices)
    : GuidePageModel(interviews)
{
    public RenderedAction Action { get; private set; } = null!;

    public bool Available { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public string? SummaryDefault { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? OtherParty { get; set; }

    [BindProperty]
    public Guid? CommitteeId { get; set; }

    [BindProperty]
    public Guid? SlotId { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    /// <summary>Notarization: the catalogue's materials the citizen ticked as submitted online for pre-review.</summary>
    [BindProperty]
    public List<string> MaterialsChecked { get; set; } = [];

    [BindProperty]
    public string? MaterialsOther { get; set; }

    /// <summary>Notarization: the materials the matter needs (from the catalogue), offered as a checklist.</summary>
    public IReadOnlyList<string> MaterialOptions => Action.Kind == ApplicationKind.Notarization
        && Farun.Features.Notarization.NotaryCatalog.Find(CaseSpineApplicationSink.NotaryMatterCode(Action.Values.GetValueOrDefault("matter") as string)) is { } m
            ? m.Materials : [];

    private string? Materials()
    {
        var ticked = MaterialsChecked.Where(MaterialOptions.Contains).Distinct().ToList();
        var parts = new List<string>();
        if (ticked.Count > 0)
            parts.Add(string.Join("、", ticked));
        if (!string.IsNullOrWhiteSpace(MaterialsOther))
            parts.Add(MaterialsOther.Trim());
        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    /// <summary>A home visit needs the address to come to.</summary>
    public bool NeedsAddress => Action.Kind == ApplicationKind.Notarization && ApplicationChoices.SlotKindFor(Action.Values) == Farun.Features.Notarization.SlotKind.HomeVisit;

    public IReadOnlyList<ApplicationChoices.Committee> Committees { get; private set; } = [];

    public IReadOnlyList<ApplicationChoices.Slot> Slots { get; private set; } = [];

    /// <summary>Mediation needs the other party; asked here when the guide did not.</summary>
    public bool NeedsOtherParty => Action.Kind == ApplicationKind.Mediation && Action.Values.GetValueOrDefault("other_party") is not string { Length: > 0 };

    /// <summary>Legal aid needs the applicant's ID number.</summary>
    public bool NeedsIdNumber => Action.Kind == ApplicationKind.LegalAid;

    /// <summary>Every online application on the case spine comes from a citizen signed in by phone.</summary>
    public bool NeedsSignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await PrepareAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } redirect)
            return redirect;
        var request = new ApplyFromGuide.Request(Name, Phone, Summary, Consent, IdNumber, OtherParty, CommitteeId, SlotId, Address, Materials());
        var validation = await validator.ValidateAsync(request, ct);
        foreach (var e in validation.Errors)
            Errors.TryAdd(e.PropertyName == nameof(ApplyFromGuide.Request.Materials) ? nameof(MaterialsOther) : e.PropertyName, e.ErrorMessage);
        if (Errors.Count == 0)
        {
            try
            {
                await handler.SubmitAsync(Interview.Session.Code, request, ct);
                return Redirect($"/guides/{id}/apply");
            }
            catch (BadRequestException e)
            {
                foreach (var (field, messages) in e.Errors)
                    Errors.TryAdd(field switch
                    {
                        "summary" => nameof(Summary),
                        "idNumber" => nameof(IdNumber),
                        "applicant.person.phone" => nameof(Phone),
                        "applicant.person.idNumber" => nameof(IdNumber),
                        "otherParty" => nameof(OtherParty),
                        "slotId" => nameof(SlotId),
                        "address" => nameof(Address),
                        "notarization.materialsSubmitted" or "materials" => nameof(MaterialsOther),
                        "mediation.committeeId" => nameof(CommitteeId),
                        _ => field,
                    }, messages[0]);
                if (Errors.Count == 0)
                    Errors[""] = e.Message;
            }
            catch (DomainException e)
            {
                Errors[""] = e.Message;
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors)
                    Errors.TryAdd(error.PropertyName.Contains("IdNumber", StringComparison.Ordinal) ? nameof(IdNumber) : "", error.ErrorMessage);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } interview)
            return ToStart(id);
        if (!interview.Run.IsFinished)
            return Redirect(CurrentUrl(interview));
        try
        {
            var prepared = await handler.PrepareAsync(interview.Session.Code, ct);
            Action = prepared.Action;
            Available = prepared.Available;
        }
        catch (ConflictException)
        {
            return Redirect($"/guides/{id}/result");
        }

        SummaryDefault = Action.Values.GetValueOrDefault("summary") as string;
        NeedsSignIn = !GuideApplicant.IsCitizen(await GuideApplicant.ResolveAsync(HttpContext));
        if (Available && Interview.Session.ApplicationReference is null)
            (Committees, Slots) = await choices.ForAsync(Action, ct);
        return null;
    }
}
