using Farun.Features.Cases;
using Farun.Features.Complaints;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Persons;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Complaints;

/// <summary>/complaints/new — registers a complaint or petition about a lawyer, notary, mediator or staff member, linked to
/// the subject's cases, through the case API's handler (so the same validation, reply clock, audit and scope apply).</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NewComplaintModel(CreateCase.Handler handler, IValidator<CreateCase.Request> validator, ComplaintDesk desk) : PageModel
{
    public static readonly CaseChannel[] Channels = [CaseChannel.WalkIn, CaseChannel.Hotline12348, CaseChannel.Transfer12345, CaseChannel.PetitionReferral];

    [BindProperty]
    public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;

    [BindProperty]
    public CaseChannel Channel { get; set; } = CaseChannel.WalkIn;

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? ApplicantPhone { get; set; }

    /// <summary>"Kind:id" of the person complained about (see <see cref="ComplaintDesk.SubjectOption.Value"/>).</summary>
    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Demand { get; set; }

    [BindProperty]
    public List<Guid> CaseIds { get; set; } = [];

    /// <summary>Numbers of the subject's cases typed by hand (e.g. the complainant's own case, which the caller may not see).</summary>
    [BindProperty]
    public string? CaseNumbers { get; set; }

    public IReadOnlyList<ComplaintDesk.SubjectOption> Subjects { get; private set; } = [];

    /// <summary>The chosen subject's cases the caller may see, to link; null until a subject is chosen.</summary>
    public IReadOnlyList<ComplaintDesk.SubjectCase>? SubjectCases { get; private set; }

    /// <summary>The errors of the last post, by the API's field path (see <see cref="Inputs"/>).</summary>
    public FormErrorSet Errors { get; private set; } = new();

    /// <summary>The errors placed at the form's inputs, for the summary and the inline messages.</summary>
    public FormErrorView FieldErrors => Errors.Place(Inputs);

    /// <summary>Which input shows the errors of which path of <see cref="CreateCase.Request"/> (and the paths under it).</summary>
    private static readonly (string Path, string InputId)[] Inputs =
    [
        ("complaint.kind", nameof(Kind)),
        ("channel", nameof(Channel)),
        ("applicant.person.name", nameof(ApplicantName)),
        ("applicant.person.phone", nameof(ApplicantPhone)),
        ("complaint.subject", nameof(Subject)),
        ("complaint.caseIds", nameof(CaseNumbers)),
        ("complaint.content", nameof(Text)),
        ("complaint.demand", nameof(Demand)),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>"列出其承办的事项": shows the chosen subject's cases, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostSubjectAsync(CancellationToken ct)
    {
        if (!ComplaintDesk.TryParse(Subject, out _))
        {
            Errors = new FormErrorSet().Add("complaint.subject", "请选择被投诉人。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var subject = ComplaintDesk.TryParse(Subject, out var parsed) ? parsed : null;
        var numbers = (CaseNumbers ?? "").Split([' ', ',', '，', '、', ';', '；', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var typed = new FormErrorSet();
        if (numbers.Length > 0 && subject is not null)
        {
            typed = await FormErrorSet.TryAsync(async () =>
            {
                foreach (var (number, id) in await desk.SubjectCaseIdsAsync(subject, numbers, ct))
                {
                    if (id is { } found)
                        CaseIds.Add(found);
                    else
                        throw BadRequestException.ForField("complaint.caseIds", $"编号{number}不是被投诉人承办的事项，或编号有误。");
                }
            });
        }

        CaseIds = [.. CaseIds.Distinct()];
        var request = new CreateCase.Request(
            CaseType.Complaint, Channel, null,
            new CreateCase.PartyRequest(null, null, new PersonInput(ApplicantName ?? "", null, null, string.IsNullOrWhiteSpace(ApplicantPhone) ? null : ApplicantPhone.Trim(), null, null, null, null), null, null),
            null, null, null, null, null, null,
            Complaint: new ComplaintIntakeRequest(Kind, subject, Text, string.IsNullOrWhiteSpace(Demand) ? null : Demand, CaseIds.Count == 0 ? null : CaseIds));
        Guid? createdId = null;
        // A typed number that is not the subject's: not registered, but the rest of the form is checked too.
        Errors = typed.IsEmpty
            ? await FormErrorSet.TryAsync(async () =>
            {
                await validator.ValidateAndThrowAsync(request, ct);
                createdId = (await handler.HandleAsync(request, User, ct)).Case.Id;
            })
            : typed.Add(await FormErrorSet.TryAsync(() => validator.ValidateAndThrowAsync(request, ct)));
        if (createdId is { } id)
            return Redirect($"/complaints/{id}");

        Response.StatusCode = Errors.StatusCode;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Subjects = await desk.SubjectsAsync(ct);
        if (ComplaintDesk.TryParse(Subject, out var subject))
        {
            try
            {
                SubjectCases = await desk.SubjectCasesAsync(User, subject!, ct);
            }
            catch (BadRequestException e)
            {
                Errors.Add(FormErrorSet.From(e));
            }
        }
    }
}
