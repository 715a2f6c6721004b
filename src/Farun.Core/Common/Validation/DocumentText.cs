using System.Text;

namespace Farun.Common.Validation;

/// <summary>Normalisation shared by document numbers, codes and phone numbers.</summary>
public static class DocumentText
{
    /// <summary>
    /// Canonical form of a document number as people type it: NFKC (full-width digits, letters and brackets become
    /// ASCII), every whitespace character removed (including the ideographic space) and letters upper-cased.
    /// Returns an empty string for null or blank input.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        // NFKC maps full-width forms (０-９, ｘ, （）) typed by Chinese input methods to their ASCII counterparts.
        var folded = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    internal static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    internal static bool IsAsciiUpperAlphanumeric(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
