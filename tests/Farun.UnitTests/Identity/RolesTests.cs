using Farun.Features.Identity;

namespace Farun.UnitTests.Identity;

public sealed class RolesTests
{
    [Theory]
    [InlineData("SystemAdmin")]
    [InlineData("Staff,HotlineAgent")]
    [InlineData("Manager")]
    public void ValidateCombination_Allowed_ReturnsNull(string roles) => Assert.Null(Roles.ValidateCombination(roles.Split(',')));

    [Theory]
    [InlineData("SystemAdmin,SecurityAdmin")]
    [InlineData("SecurityAdmin,AuditAdmin")]
    [InlineData("AuditAdmin,Staff")]
    [InlineData("Superuser")]
    public void ValidateCombination_SeparationBroken_ReturnsReason(string roles) => Assert.NotNull(Roles.ValidateCombination(roles.Split(',')));
}
