namespace Whamm.Language.Catalogue;

/// <summary>Why a rule could not be expanded.</summary>
public enum RuleMatchErrorKind : byte
{
    /// <summary>Nothing matched; <see cref="RuleMatchError.Level"/> is the most specific part that found nothing.</summary>
    NoMatch,
    /// <summary>The rule stops above the level a matched definition needs (<c>wasm:opcode:call</c> without a mode).</summary>
    Incomplete,
    /// <summary>More than four parts.</summary>
    TooManyParts,
    /// <summary>A part is not a valid pattern (only from <see cref="RuleMatcher.Expand(string)"/>; the parser reports these itself).</summary>
    InvalidPattern,
}

/// <summary>
/// A rule-matching failure, for the parser or checker to turn into a diagnostic: <see cref="PartIndex"/>
/// says which part of the rule to underline.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Level">The level of the failing part.</param>
/// <param name="Pattern">The failing part as written (<c>*</c> for an empty part).</param>
/// <param name="Message">The message; for <see cref="RuleMatchErrorKind.NoMatch"/> the reference's wording,
/// "Could not find any matches for the specified {level} pattern: {pattern}".</param>
public sealed record RuleMatchError(RuleMatchErrorKind Kind, RuleLevel Level, string Pattern, string Message)
{
    /// <summary>The 0-based index of the failing part in the rule (equal to the level).</summary>
    public int PartIndex => (int)Level;

    /// <inheritdoc/>
    public override string ToString() => Message;
}
