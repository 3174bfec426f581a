using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Consulting.Domain.Identity;

/// <summary>A random password for a new or reset account, meeting the password options; the user replaces it at first sign-in.</summary>
public static class OneTimePassword
{
    public const int MinimumLength = 14;

    // No 0/O, 1/l/I: the password is read off a screen and typed by someone else.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%^&*?-+=";

    public static string Generate(PasswordOptions options)
    {
        var length = Math.Max(MinimumLength, options.RequiredLength);
        var chars = new List<char>(length)
        {
            RandomNumberGenerator.GetItems<char>(Upper, 1)[0],
            RandomNumberGenerator.GetItems<char>(Lower, 1)[0],
            RandomNumberGenerator.GetItems<char>(Digits, 1)[0],
            RandomNumberGenerator.GetItems<char>(Symbols, 1)[0],
        };
        chars.AddRange(RandomNumberGenerator.GetItems<char>(Upper + Lower + Digits + Symbols, length - chars.Count));
        var result = chars.ToArray();
        RandomNumberGenerator.Shuffle<char>(result);
        return new string(result);
    }
}
