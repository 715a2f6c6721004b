using Farun.Features.Identity;

namespace Farun.Features.Cases;

/// <summary>What a state means for queues and closing.</summary>
/// <param name="State">The state.</param>
/// <param name="IsOpen">Work is pending: the case shows in queues and its clock can run.</param>
/// <param name="IsTerminal">Nothing but notes can happen any more.</param>
public sealed record StateInfo(CaseState State, bool IsOpen, bool IsTerminal);

/// <summary>One transition of a state machine: an action allowed in some states, leading to another (or the same) state.</summary>
public sealed record CaseTransition(string Action, IReadOnlySet<CaseState> From, CaseState? To);

/// <summary>
/// The state machine of a case type, as data: its states, its type-specific transitions and who may handle it.
/// The entity's transition methods check it (<see cref="Case.Ensure"/>), so an illegal action fails with the actions
/// that are allowed. Shared actions (<see cref="CaseActions.Shared"/>) are added in every open state; notes in every state.
/// </summary>
public abstract class CaseWorkflow
{
    private readonly Dictionary<CaseState, StateInfo> _states;
    private readonly List<CaseTransition> _transitions;

    protected CaseWorkflow(
        CaseType type, CaseState initial, IEnumerable<StateInfo> states, IEnumerable<CaseTransition> transitions, IEnumerable<string> handlerRoles,
        IEnumerable<CaseState>? applicantDocumentStates = null)
    {
        Type = type;
        Initial = initial;
        _states = states.ToDictionary(s => s.State);
        _transitions = [.. transitions];
        HandlerRoles = new HashSet<string>(handlerRoles);
        ApplicantDocumentStates = new HashSet<CaseState>(applicantDocumentStates ?? []);
        foreach (var s in ApplicantDocumentStates)
        {
            if (!_states.TryGetValue(s, out var info) || !info.IsOpen)
                throw new InvalidOperationException($"{type}: applicants can add documents only in open states, not {s}.");
        }

        foreach (var t in _transitions)
        {
            foreach (var from in t.From)
            {
                if (!_states.ContainsKey(from))
                    throw new InvalidOperationException($"{type}: transition {t.Action} from unknown state {from}.");
            }

            if (t.To is { } to && !_states.ContainsKey(to))
                throw new InvalidOperationException($"{type}: transition {t.Action} to unknown state {to}.");
        }
    }

    public CaseType Type { get; }

    public CaseState Initial { get; }

    public IReadOnlyCollection<StateInfo> States => _states.Values;

    public IReadOnlyList<CaseTransition> Transitions => _transitions;

    /// <summary>Staff roles that handle this type: assignment picks among them, and they may claim from a queue.</summary>
    public IReadOnlySet<string> HandlerRoles { get; }

    /// <summary>
    /// The states in which the applicant may add supporting documents themself (online, from the citizen portal): while
    /// the materials are still being reviewed. Empty when the type takes no documents from the applicant.
    /// </summary>
    public IReadOnlySet<CaseState> ApplicantDocumentStates { get; }

    /// <summary>Whether the applicant may add documents to a case of this type in <paramref name="state"/>.</summary>
    public bool AcceptsApplicantDocuments(CaseState state) => ApplicantDocumentStates.Contains(state);

    public bool Has(CaseState state) => _states.ContainsKey(state);

    public StateInfo Info(CaseState state) =>
        _states.TryGetValue(state, out var info) ? info : throw new InvalidOperationException($"{Type} has no state {state}.");

    /// <summary>Every action the state machine allows in <paramref name="state"/>, before data guards and permissions.</summary>
    public IReadOnlyList<string> ActionsIn(CaseState state)
    {
        var info = Info(state);
        var actions = _transitions.Where(t => t.From.Contains(state)).Select(t => t.Action).Distinct().ToList();
        if (info.IsOpen)
            actions.AddRange(CaseActions.Shared.Where(a => a != CaseActions.Note));
        actions.Add(CaseActions.Note);
        return actions;
    }

    /// <summary>The state an action leads to from <paramref name="state"/>; null when it is not a transition from there.</summary>
    public CaseTransition? Find(string action, CaseState state) =>
        _transitions.FirstOrDefault(t => t.Action == action && t.From.Contains(state));

    public static CaseWorkflow For(CaseType type) => type switch
    {
        CaseType.Consultation => ConsultationWorkflow.Instance,
        CaseType.LegalAid => LegalAidWorkflow.Instance,
        CaseType.Mediation => MediationWorkflow.Instance,
        CaseType.Notarization => NotarizationWorkflow.Instance,
        CaseType.Complaint => ComplaintWorkflow.Instance,
        _ => throw new NotSupportedException($"{type.DisplayName()}尚未开放。"),
    };

    /// <summary>Whether the platform can create and run cases of this type yet.</summary>
    public static bool IsSupported(CaseType type) => type is CaseType.Consultation or CaseType.LegalAid or CaseType.Mediation or CaseType.Notarization or CaseType.Complaint;

    protected static IReadOnlySet<CaseState> From(params CaseState[] states) => new HashSet<CaseState>(states);
}

/// <summary>
/// 法律咨询: Open → answer → Answered; Open → close (no answer needed, e.g. the call dropped) → Closed;
/// Open/Answered → convert → Converted (a linked legal-aid case is opened with the applicant carried over);
/// Open → refer-out → ReferredOut.
/// </summary>
public sealed class ConsultationWorkflow : CaseWorkflow
{
    public static readonly ConsultationWorkflow Instance = new();

    private ConsultationWorkflow()
        : base(
            CaseType.Consultation,
            CaseState.Open,
            [
                new(CaseState.Open, IsOpen: true, IsTerminal: false),
                new(CaseState.Answered, IsOpen: false, IsTerminal: false),
                new(CaseState.Converted, IsOpen: false, IsTerminal: true),
                new(CaseState.Closed, IsOpen: false, IsTerminal: true),
                new(CaseState.ReferredOut, IsOpen: false, IsTerminal: true),
            ],
            [
                new(CaseActions.Answer, From(CaseState.Open), CaseState.Answered),
                new(CaseActions.Close, From(CaseState.Open), CaseState.Closed),
                new(CaseActions.Convert, From(CaseState.Open, CaseState.Answered), CaseState.Converted),
                new(CaseActions.ReferOut, From(CaseState.Open), CaseState.ReferredOut),
            ],
            [Roles.HotlineAgent, Roles.Staff, Roles.LegalAidOfficer, Roles.Mediator, Roles.Lawyer])
    {
    }
}

/// <summary>
/// 法律援助 (《中华人民共和国法律援助法》):
/// Submitted —request-materials→ AwaitingMaterials —supplement→ Submitted (第四十三条第二款: one notice of everything missing);
/// Submitted —grant→ Granted; Submitted —refuse→ Refused (第四十三条: in writing with reasons);
/// Submitted/AwaitingMaterials —grant-prior-aid→ Granted (第四十四条, urgent);
/// Refused —object→ ObjectionPending (第四十九条) —uphold-refusal→ Refused | —order-correction→ Granted;
/// Granted —assign-lawyer→ Assigned (第四十三条: within 3 days of the grant; 第三十六条 for notices);
/// Assigned —reassign-lawyer→ Assigned; Assigned —submit-closure→ ClosurePending —return-closure→ Assigned | —approve-closure→ Closed;
/// Submitted/AwaitingMaterials —withdraw→ Withdrawn; Refused —close→ Closed (filed after the objection window).
/// </summary>
public sealed class LegalAidWorkflow : CaseWorkflow
{
    public static readonly LegalAidWorkflow Instance = new();

    private LegalAidWorkflow()
        : base(
            CaseType.LegalAid,
            CaseState.Submitted,
            [
                new(CaseState.Submitted, IsOpen: true, IsTerminal: false),
                new(CaseState.AwaitingMaterials, IsOpen: true, IsTerminal: false),
                new(CaseState.Granted, IsOpen: true, IsTerminal: false),
                new(CaseState.Refused, IsOpen: false, IsTerminal: false),
                new(CaseState.ObjectionPending, IsOpen: true, IsTerminal: false),
                new(CaseState.Assigned, IsOpen: true, IsTerminal: false),
                new(CaseState.ClosurePending, IsOpen: true, IsTerminal: false),
                new(CaseState.Withdrawn, IsOpen: false, IsTerminal: true),
                new(CaseState.Closed, IsOpen: false, IsTerminal: true),
                new(CaseState.ReferredOut, IsOpen: false, IsTerminal: true),
            ],
            [
                new(CaseActions.RequestMaterials, From(CaseState.Submitted), CaseState.AwaitingMaterials),
                new(CaseActions.Supplement, From(CaseState.AwaitingMaterials), CaseState.Submitted),
                new(CaseActions.Grant, From(CaseState.Submitted), CaseState.Granted),
                new(CaseActions.Refuse, From(CaseState.Submitted), CaseState.Refused),
                new(CaseActions.GrantPriorAid, From(CaseState.Submitted, CaseState.AwaitingMaterials), CaseState.Granted),
                new(CaseActions.RaiseObjection, From(CaseState.Refused), CaseState.ObjectionPending),
                new(CaseActions.UpholdRefusal, From(CaseState.ObjectionPending), CaseState.Refused),
                new(CaseActions.OrderCorrection, From(CaseState.ObjectionPending), CaseState.Granted),
                new(CaseActions.AssignLawyer, From(CaseState.Granted), CaseState.Assigned),
                new(CaseActions.ReassignLawyer, From(CaseState.Assigned), CaseState.Assigned),
                new(CaseActions.SubmitClosure, From(CaseState.Assigned), CaseState.ClosurePending),
                new(CaseActions.ReturnClosure, From(CaseState.ClosurePending), CaseState.Assigned),
                new(CaseActions.ApproveClosure, From(CaseState.ClosurePending), CaseState.Closed),
                new(CaseActions.Withdraw, From(CaseState.Submitted, CaseState.AwaitingMaterials), CaseState.Withdrawn),
                new(CaseActions.Close, From(CaseState.Refused), CaseState.Closed),
                new(CaseActions.ReferOut, From(CaseState.Submitted, CaseState.AwaitingMaterials), CaseState.ReferredOut),
            ],
            [Roles.LegalAidOfficer],
            // Supporting documents while the application or the aid is open (incl. for an objection, 第四十九条).
            [CaseState.Submitted, CaseState.AwaitingMaterials, CaseState.Granted, CaseState.ObjectionPending, CaseState.Assigned, CaseState.ClosurePending])
    {
    }
}
