using Farun.Web.Common;
using Farun.Web.Features.Guides.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Guides;

/// <summary>The system administrator's page: upload a guide (checked first, problems listed by line), version history,
/// switch versions.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class GuidesAdminModel(ManageGuideVersions.Handler versions, UploadGuide.Handler upload) : PageModel
{
    public IReadOnlyList<ManageGuideVersions.GuideVersionsDto> Guides { get; private set; } = [];

    public IReadOnlyList<GuideDiagnostic> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Yaml { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Guides = await versions.ListAsync(ct);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (await ReadYamlAsync(ct) is not { } yaml)
            return await ShowAsync(ct);
        var (guide, problems) = await upload.CheckAsync(yaml, ct);
        Problems = problems;
        Message = guide is null ? null : $"校验通过：“{guide.Title}”第{guide.Version}版，可以上传。";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (await ReadYamlAsync(ct) is not { } yaml)
            return await ShowAsync(ct);
        try
        {
            var r = await upload.HandleAsync(new UploadGuide.Request(yaml, Note, true), User, ct);
            TempData["Message"] = $"已上传并启用“{r.Title}”第{r.Version}版。";
            return RedirectToPage();
        }
        catch (BadRequestException e)
        {
            var (_, problems) = await upload.CheckAsync(yaml, ct);
            Problems = problems;
            Message = problems.Count == 0 ? e.Message : null;
        }
        catch (DomainException e)
        {
            Message = e.Message;
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostActivateAsync(string id, int version, CancellationToken ct)
    {
        await versions.ActivateAsync(id, version, ct);
        TempData["Message"] = $"已启用“{id}”第{version}版。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct)
    {
        await versions.DeactivateAsync(id, ct);
        TempData["Message"] = $"已停用“{id}”上传的版本。";
        return RedirectToPage();
    }

    private async Task<string?> ReadYamlAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > GuideYamlReader.MaxYamlLength * 4)
            {
                Message = "文件过大。";
                return null;
            }

            using var reader = new StreamReader(Upload.OpenReadStream(), System.Text.Encoding.UTF8);
            Yaml = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(Yaml))
        {
            Message = "请粘贴问卷的 YAML 内容，或选择一个 .yaml 文件。";
            return null;
        }

        return Yaml.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Guides = await versions.ListAsync(ct);
        if (Problems.Count > 0 || Message is not null)
            Response.StatusCode = Problems.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Page();
    }
}
