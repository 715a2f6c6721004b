using FluentValidation;

namespace Farun.Web.Common;

/// <summary>For Razor Pages that post a form to a use case: the Chinese messages of its validation or domain error,
/// shown above the form instead of a ProblemDetails response.</summary>
public static class FormErrors
{
    /// <summary>Runs <paramref name="action"/>; no messages when it succeeded.</summary>
    public static async Task<IReadOnlyList<string>> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return [];
        }
        catch (ValidationException e)
        {
            return [.. e.Errors.Select(x => x.ErrorMessage).Distinct()];
        }
        catch (BadRequestException e)
        {
            // Every field's message, not only the summary ("网上申请包含只能由受理机构填写的内容。" says nothing of which).
            return e.Messages;
        }
        catch (DomainException e)
        {
            return [e.Message];
        }
    }
}
