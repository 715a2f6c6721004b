using System.Security.Cryptography;

namespace Farun.Common.Privacy;

/// <summary>
/// Protected personal data cannot be read: malformed or tampered ciphertext, or a key id that is not configured.
/// Never carries the plaintext or key material.
/// </summary>
public sealed class PersonalDataException : CryptographicException
{
    public PersonalDataException()
    {
    }

    public PersonalDataException(string message)
        : base(message)
    {
    }

    public PersonalDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
