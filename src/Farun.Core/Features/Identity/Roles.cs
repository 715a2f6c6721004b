namespace Farun.Features.Identity;

/// <summary>
/// Staff roles. SystemAdmin, SecurityAdmin and AuditAdmin are the "three separated administrators" (三员分立):
/// a system administrator runs the system but cannot manage accounts' permissions or read the audit log,
/// a security administrator manages accounts, roles and tokens, an audit administrator only reads the audit log.
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string Manager = "Manager";
    public const string Staff = "Staff";
    public const string HotlineAgent = "HotlineAgent";
    public const string Mediator = "Mediator";
    public const string LegalAidOfficer = "LegalAidOfficer";
    public const string Notary = "Notary";
    public const string Lawyer = "Lawyer";

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdmin, SecurityAdmin, AuditAdmin, Manager, Staff, HotlineAgent, Mediator, LegalAidOfficer, Notary, Lawyer,
    ];

    /// <summary>The three administrator roles are mutually exclusive on one account.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static string Display(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        SecurityAdmin => "安全管理员",
        AuditAdmin => "安全审计员",
        Manager => "管理人员",
        Staff => "窗口工作人员",
        HotlineAgent => "12348热线坐席",
        Mediator => "人民调解员",
        LegalAidOfficer => "法律援助工作人员",
        Notary => "公证员",
        Lawyer => "律师",
        _ => role,
    };

    /// <summary>Checks the separation of the three administrators: no account may hold two of them,
    /// and an administrator account does no front-line work.</summary>
    public static string? ValidateCombination(IReadOnlyCollection<string> roles)
    {
        foreach (var r in roles)
        {
            if (!All.Contains(r))
                return $"未知角色：{r}";
        }

        var admins = roles.Where(r => Administrators.Contains(r)).ToList();
        if (admins.Count > 1)
            return "三员分立：系统管理员、安全管理员、安全审计员不得由同一账号兼任。";
        if (admins.Count == 1 && roles.Count > 1)
            return "三员分立：管理员账号不得兼任业务角色。";
        return null;
    }
}
