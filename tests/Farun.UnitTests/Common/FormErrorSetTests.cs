using Farun.Web.Common;
using FluentValidation;
using FluentValidation.Results;

namespace Farun.UnitTests.Common;

public sealed class FormErrorSetTests
{
    private sealed record Person(string? Name, string? Phone);

    private sealed record Request(Person? Applicant, string? Content, int? Count);

    private sealed class PersonValidator : AbstractValidator<Person>
    {
        public PersonValidator() => RuleFor(x => x.Name).NotEmpty().WithMessage("请填写姓名。");
    }

    private sealed class RequestValidator : AbstractValidator<Request>
    {
        public RequestValidator()
        {
            RuleFor(x => x.Applicant!).SetValidator(new PersonValidator());
            RuleFor(x => x.Content).NotEmpty().WithMessage("请填写投诉内容。").MaximumLength(3).WithMessage("投诉内容太长。");
            RuleFor(x => x).Must(x => x.Count is null or < 10).WithMessage("太多了。");
        }
    }

    [Fact]
    public async Task TryAsync_ValidationException_MessagesByCamelCasePathAndGeneral()
    {
        var validator = new RequestValidator();
        var errors = await FormErrorSet.TryAsync(() => validator.ValidateAndThrowAsync(new Request(new Person("", null), "", 50)));

        Assert.Equal(["请填写姓名。"], errors.For("applicant.name"));
        Assert.Equal(["请填写投诉内容。"], errors.For("content"));
        Assert.Equal(["请填写投诉内容。"], errors.For("CONTENT"));
        Assert.Equal(["太多了。"], errors.General);
        Assert.Equal(["请填写姓名。", "请填写投诉内容。", "太多了。"], errors.Messages);
        Assert.Equal(["applicant.name", "content"], errors.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(400, errors.StatusCode);
    }

    [Fact]
    public void From_ValidationFailuresOfNestedAndIndexedProperties_CamelCasedSegments()
    {
        var errors = FormErrorSet.From(new ValidationException(
        [
            new ValidationFailure("Complaint.Subject.Kind", "请选择被投诉人类别。"),
            new ValidationFailure("Parties[0].Person.Name", "请填写姓名。"),
            new ValidationFailure("Parties[0].Person.Name", "请填写姓名。"),
        ]));

        Assert.Equal(["请选择被投诉人类别。"], errors.For("complaint.subject.kind"));
        Assert.Equal(["请填写姓名。"], errors.For("parties[0].person.name"));
        Assert.Equal(2, errors.Entries.Count);
    }

    [Fact]
    public async Task TryAsync_BadRequestNamingFields_ByField()
    {
        var errors = await FormErrorSet.TryAsync(() => throw new BadRequestException("网上申请包含只能由受理机构填写的内容。", new Dictionary<string, string[]>
        {
            ["servicePointId"] = ["网上申请由受理机构确定服务点，请不要填写服务点。"],
            ["complaint.caseIds[1]"] = ["该服务事项不是被投诉人承办的事项。"],
        }));

        Assert.Equal(["网上申请由受理机构确定服务点，请不要填写服务点。"], errors.For("servicePointId"));
        Assert.Equal(["该服务事项不是被投诉人承办的事项。"], errors.For("complaint.caseIds[1]"));
        Assert.Empty(errors.General);
        Assert.Equal(["网上申请由受理机构确定服务点，请不要填写服务点。"], errors.Without("complaint.caseIds").Messages);
        Assert.Equal(2, errors.Without("complaint.case").Entries.Count);
    }

    [Fact]
    public async Task TryAsync_BadRequestWithoutFields_ItsMessageAsGeneral()
    {
        var errors = await FormErrorSet.TryAsync(() => throw new BadRequestException("请求有误。"));

        Assert.Equal(["请求有误。"], errors.General);
        Assert.Empty(errors.Fields);
    }

    [Fact]
    public async Task TryAsync_ConflictOrNotFound_General()
    {
        var conflict = await FormErrorSet.TryAsync(() => throw new ConflictException("不能受理。", ["refuse"]));
        Assert.Equal(["不能受理。"], conflict.General);
        Assert.Equal(409, conflict.StatusCode);
        var notFound = await FormErrorSet.TryAsync(() => throw new NotFoundException("未找到。"));
        Assert.Equal(["未找到。"], notFound.General);
        Assert.Equal(404, notFound.StatusCode);
    }

    [Fact]
    public async Task TryAsync_Succeeds_Empty()
    {
        Assert.True((await FormErrorSet.TryAsync(() => Task.CompletedTask)).IsEmpty);
    }

    [Fact]
    public async Task TryAsync_OtherException_Propagates()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => FormErrorSet.TryAsync(() => throw new InvalidOperationException("bug")));
    }

    [Fact]
    public void Without_DropsTheFieldAndThePathsUnderIt()
    {
        var errors = new FormErrorSet().Add("startsAt", "a").Add("startsAt.date", "b").Add("startsAtX", "c").Add(null, "d");

        Assert.Equal(["c", "d"], errors.Without("startsAt").Messages);
    }

    [Fact]
    public void Place_LongestPathWins_UnmappedAndGeneralOnlyInSummaryFirst_NothingLost()
    {
        var errors = new FormErrorSet()
            .Add("startsAt.date", "请填写日期。")
            .Add("complaint.subject.kind", "请选择被投诉人类别。")
            .Add("complaint.caseIds[0]", "不是其承办的事项。")
            .Add("startsAt", "开始时间须晚于现在。")
            .Add("applicant.person.idNumber", "证件号码无效。")
            .Add(null, "不能受理。");

        var view = errors.Place(
            ("complaint.subject", "Subject"),
            ("complaint.caseIds", "CaseNumbers"),
            ("startsAt", "Date"),
            ("startsAt", "Time"),
            ("startsAt.date", "Date"),
            ("applicant.person.name", "ApplicantName"));

        Assert.Equal(["请选择被投诉人类别。"], view.MessagesAt("Subject"));
        Assert.Equal(["不是其承办的事项。"], view.MessagesAt("CaseNumbers"));
        Assert.Equal(["请填写日期。", "开始时间须晚于现在。"], view.MessagesAt("Date"));
        Assert.Empty(view.MessagesAt("Time"));
        Assert.True(view.IsInvalid("Time"));
        Assert.Equal("Date-err", view.DescribedBy("Time"));
        Assert.Equal("Subject-err", view.DescribedBy("Subject"));
        Assert.False(view.IsInvalid("ApplicantName"));
        Assert.Null(view.DescribedBy("ApplicantName"));
        Assert.Equal(
            [
                new("证件号码无效。", null), new("不能受理。", null), new("请选择被投诉人类别。", "Subject"),
                new("不是其承办的事项。", "CaseNumbers"), new("请填写日期。", "Date"), new FormErrorView.SummaryItem("开始时间须晚于现在。", "Date"),
            ],
            view.Summary);
        Assert.Equal(errors.Messages.Order(StringComparer.Ordinal), view.Summary.Select(s => s.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Place_OnlyAPathPrefixOfASegment_NotCovered()
    {
        var view = new FormErrorSet().Add("countries", "x").Place(("count", "Count"));

        Assert.False(view.IsInvalid("Count"));
        Assert.Equal([new FormErrorView.SummaryItem("x", null)], view.Summary);
    }

    [Fact]
    public async Task Add_SetIntoEmptySet_TakesItsStatus_IntoNonEmptySet_KeepsOwn()
    {
        var conflict = await FormErrorSet.TryAsync(() => throw new ConflictException("已评查。"));

        Assert.Equal(409, new FormErrorSet().Add(conflict).StatusCode);
        Assert.Equal(400, new FormErrorSet().Add("date", "请填写日期。").Add(conflict).StatusCode);
        Assert.Equal(400, new FormErrorSet().Add("date", "请填写日期。").StatusCode);
    }
}
