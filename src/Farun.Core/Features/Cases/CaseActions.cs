namespace Farun.Features.Cases;

/// <summary>
/// Action names as used in <c>POST /api/cases/{id}/actions/{action}</c> and in <c>allowedActions</c>. Shared actions
/// apply to every type; the others belong to one type's <see cref="CaseWorkflow"/>.
/// </summary>
public static class CaseActions
{
    // Shared by every type (refer-out is per type: not every state may leave the network)
    public const string Note = "note";
    public const string Assign = "assign";
    public const string Claim = "claim";
    public const string Reassign = "reassign";
    public const string Transfer = "transfer";
    public const string ReferOut = "refer-out";

    // Consultation
    public const string Answer = "answer";
    public const string Close = "close";
    public const string Convert = "convert";

    // Legal aid
    public const string RequestMaterials = "request-materials";
    public const string Supplement = "supplement";
    public const string Grant = "grant";
    public const string Refuse = "refuse";
    public const string GrantPriorAid = "grant-prior-aid";
    public const string RaiseObjection = "object";
    public const string UpholdRefusal = "uphold-refusal";
    public const string OrderCorrection = "order-correction";
    public const string AssignLawyer = "assign-lawyer";
    public const string ReassignLawyer = "reassign-lawyer";
    public const string SubmitClosure = "submit-closure";
    public const string ReturnClosure = "return-closure";
    public const string ApproveClosure = "approve-closure";
    public const string Withdraw = "withdraw";

    /// <summary>Shared actions, in display order.</summary>
    public static readonly IReadOnlyList<string> Shared = [Assign, Claim, Reassign, Transfer, Note];

    public static string DisplayName(string action) => action switch
    {
        Note => "添加备注",
        Assign => "分派",
        Claim => "领取",
        Reassign => "改派",
        Transfer => "移交其他服务点",
        ReferOut => "转出",
        Answer => "解答",
        Close => "办结",
        Convert => "转为其他服务事项",
        RequestMaterials => "通知补充材料",
        Supplement => "材料已补齐",
        Grant => "准予法律援助",
        Refuse => "不予法律援助",
        GrantPriorAid => "先行提供法律援助",
        RaiseObjection => "登记异议",
        UpholdRefusal => "维持不予援助决定",
        OrderCorrection => "责令改正",
        AssignLawyer => "指派律师",
        ReassignLawyer => "更换律师",
        SubmitClosure => "提交结案",
        ReturnClosure => "退回补正",
        ApproveClosure => "结案审查通过",
        Withdraw => "撤回申请",
        _ => ServiceActions.DisplayName(action) ?? action,
    };
}

/// <summary>An action is not allowed in the case's current state. Carries the actions that are.</summary>
public sealed class CaseRuleException : Exception
{
    public CaseRuleException()
        : this("当前状态不允许此操作。", [])
    {
    }

    public CaseRuleException(string message)
        : this(message, [])
    {
    }

    public CaseRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        AllowedActions = [];
    }

    public CaseRuleException(string message, IReadOnlyList<string> allowedActions)
        : base(message)
    {
        AllowedActions = allowedActions;
    }

    public IReadOnlyList<string> AllowedActions { get; }
}

/// <summary>The action is allowed but a value given for it is wrong; names the field (camelCase, as in the API).</summary>
public sealed class CaseFieldException : Exception
{
    public CaseFieldException()
        : this("", "请求内容有误。")
    {
    }

    public CaseFieldException(string message)
        : this("", message)
    {
    }

    public CaseFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public CaseFieldException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
