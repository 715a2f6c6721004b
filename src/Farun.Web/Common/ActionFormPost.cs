namespace Farun.Web.Common;

/// <summary>
/// For a staff page with one form per case action (posted as <c>?act=…</c>): remembers which action's form was posted
/// and what was typed in it, runs the action, and keeps its errors and the status to answer with. The page gives each
/// input of an action's form the id <see cref="InputId"/>, fills it with <see cref="Posted"/>, and shows the errors of
/// <see cref="Place"/> at the inputs and in the summary. The action request's property names are the form's field names,
/// so a field's error path is its name.
/// </summary>
public sealed class ActionFormPost
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    private IFormCollection? form;

    /// <summary>The action whose form was posted; null on a GET.</summary>
    public string? Act { get; private set; }

    /// <summary>The errors of the posted action (empty when it succeeded or nothing was posted).</summary>
    public FormErrorSet Errors { get; private set; } = new();

    /// <summary>What a failed post answers: 400 for wrong input, or the status of the domain error (404, 403, 409).</summary>
    public int StatusCode => Errors.IsEmpty ? StatusCodes.Status200OK : Errors.StatusCode;

    /// <summary>The id of the input for field <paramref name="name"/> in the form of <paramref name="act"/>.</summary>
    public static string InputId(string act, string name) => $"{act}-{name}";

    /// <summary>Whether the form of <paramref name="act"/> is the one that was posted.</summary>
    public bool IsPosted(string act) => form is not null && string.Equals(Act, act, StringComparison.Ordinal);

    /// <summary>The value typed in field <paramref name="name"/> of the form of <paramref name="act"/> (empty when left blank
    /// or unchecked) when that form was posted; null for every other form, which then shows its defaults.</summary>
    public string? Posted(string act, string name) => IsPosted(act) ? form![name].ToString() : null;

    /// <summary>Runs <paramref name="action"/> for the posted form of <paramref name="act"/>; true when it succeeded, else
    /// the errors and status are kept (other exceptions propagate).</summary>
    public async Task<bool> TryAsync(string act, IFormCollection posted, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(posted);
        (Act, form) = (act, posted);
        Errors = await FormErrorSet.TryAsync(action);
        return Errors.IsEmpty;
    }

    /// <summary>The errors placed at the posted form's inputs: each posted field's name is the error path of the input
    /// <see cref="InputId"/>(<see cref="Act"/>, name). Messages of no posted field stay in the summary.</summary>
    public FormErrorView Place()
    {
        if (form is null || Act is null)
            return Errors.Place();
        var act = Act;
        return Errors.Place([.. form.Keys
            .Where(k => !string.Equals(k, AntiforgeryField, StringComparison.Ordinal))
            .Select(k => (k, InputId(act, k)))]);
    }
}
