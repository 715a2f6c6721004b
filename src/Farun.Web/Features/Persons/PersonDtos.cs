using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Features.Persons;
using Farun.Web.Common;
using FluentValidation;

namespace Farun.Web.Features.Persons;

/// <summary>A person as shown to staff: identifiers masked (《个人信息保护法》第五十一条); the full values need a reveal.</summary>
public sealed record PersonDto(
    Guid Id, string Name, IdDocumentType? DocumentType, string? DocumentTypeName, string? IdNumberMasked, string? PhoneMasked,
    string? AddressMasked, Gender? Gender, DateOnly? BirthDate, IReadOnlyList<SpecialGroups> Groups, string GroupNames, DateTimeOffset RegisteredAt);

/// <summary>A likely duplicate found when registering (same ID number; same name and phone).</summary>
public sealed record DuplicateWarning(string Kind, Guid PersonId, string Name, string? IdNumberMasked, string? PhoneMasked, string Message);

/// <summary>What is typed to register a person (also inline when a case is created).</summary>
public sealed record PersonInput(
    string? Name, IdDocumentType? DocumentType, string? IdNumber, string? Phone, string? Address, Gender? Gender, DateOnly? BirthDate,
    IReadOnlyList<SpecialGroups>? Groups);

public static class PersonMapping
{
    public static PersonDto ToDto(Person p) => new(
        p.Id, p.Name, p.DocumentType, p.DocumentType?.DisplayName(), p.IdNumberMasked, p.PhoneMasked,
        p.Address is null ? null : Mask.Address(p.Address), p.Gender, p.BirthDate, SpecialGroupNames.Split(p.Groups),
        p.Groups == SpecialGroups.None ? "" : p.Groups.DisplayName(), p.RegisteredAt);

    public static SpecialGroups Combine(IReadOnlyList<SpecialGroups>? groups) =>
        groups is null ? SpecialGroups.None : groups.Aggregate(SpecialGroups.None, (a, g) => a | g);
}

/// <summary>Field rules for <see cref="PersonInput"/>, with Chinese messages; nested under a prefix when part of a case.</summary>
public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(50).WithMessage("姓名不能超过50个字。").NoControlCharacters().WithName("姓名");
        RuleFor(x => x.DocumentType).IsInEnum().When(x => x.DocumentType is not null).WithMessage("未知的证件类型。");
        RuleFor(x => x.IdNumber).Custom((number, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(number))
                return;
            var type = ctx.InstanceToValidate.DocumentType ?? IdDocumentType.ResidentIdCard;
            if (!Enum.IsDefined(type))
                return;
            var check = IdDocument.Validate(type, number);
            if (!check.IsValid)
                ctx.AddFailure(check.Error ?? "证件号码无效。");
        });
        RuleFor(x => x.Phone).Custom((phone, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(phone))
                return;
            if (!PhoneNumber.TryNormalize(phone, out var parsed, out var error))
                ctx.AddFailure(error);
            else if (parsed.Kind == PhoneNumberKind.ServiceNumber)
                ctx.AddFailure($"{parsed.Canonical}是公共服务号码，不是本人的联系电话。");
        });
        RuleFor(x => x.Address).MaximumLength(200).WithMessage("地址不能超过200个字。").NoControlCharacters().WithName("地址");
        RuleFor(x => x.Gender).IsInEnum().When(x => x.Gender is not null).WithMessage("未知的性别。");
        RuleFor(x => x.BirthDate).InclusiveBetween(new DateOnly(1900, 1, 1), Farun.Common.Calendar.ChinaTime.Today())
            .When(x => x.BirthDate is not null).WithMessage("出生日期须在1900-01-01到今天之间。");
        RuleForEach(x => x.Groups).Must(g => SpecialGroupNames.All.Contains(g)).WithMessage("未知的特殊群体类别。");
    }
}
