using Farun.Law.Corpus;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Search;

/// <summary>The statute search page of the law library: a question in everyday words, ranked articles with why.</summary>
[AllowAnonymous]
public sealed class SearchPageModel(SearchStatutes.Handler handler, IValidator<SearchStatutes.Request> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public SearchStatutes.Response? Results { get; private set; }

    public string? Error { get; private set; }

    public static IReadOnlyList<(string Value, string Name)> Levels { get; } =
        [.. Enum.GetValues<LawLevel>().Select(l => (l.ToString(), l.DisplayName()))];

    public static IReadOnlyList<string> Examples { get; } =
        ["老板三个月没发工资怎么办", "邻居家装修把我家墙弄裂了", "借钱不还可以起诉吗", "离婚时彩礼要退吗", "劳动合同法第八十二条"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Q is null && Date is null && Level is null)
            return;

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                Fail("日期格式应为 年-月-日，如 2019-05-01。");
                return;
            }

            date = d;
        }

        var request = new SearchStatutes.Request(Q, 20, date, string.IsNullOrWhiteSpace(Level) ? null : Level, null);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            Fail(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)));
            return;
        }

        try
        {
            Results = await handler.HandleAsync(request, ct);
        }
        catch (DomainException e)
        {
            Fail(e.Message);
        }
    }

    private void Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
