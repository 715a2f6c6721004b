namespace Farun.Common.Validation;

/// <summary>Sex as encoded in a GB 11643 number; values follow GB/T 2261.1 (1 = male, 2 = female).</summary>
public enum Gender
{
    Male = 1,
    Female = 2,
}
