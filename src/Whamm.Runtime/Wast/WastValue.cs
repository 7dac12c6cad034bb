using System.Globalization;
using Whamm.Wasm.Text;

namespace Whamm.Runtime.Wast;

/// <summary>The type of a script value.</summary>
public enum WastValueType
{
#pragma warning disable CS1591
    I32, I64, F32, F64, V128, FuncRef, ExternRef,
    /// <summary>Any other reference (anyref, exnref, …): only <c>ref.null</c> of it is expressible.</summary>
    OtherRef,
#pragma warning restore CS1591
}

/// <summary>
/// An argument value of <c>invoke</c>: a number (its bits), a v128 (16 bytes, little-endian), a null
/// reference of a heap type, or <c>(ref.extern N)</c>, a host reference the runner makes for N.
/// </summary>
/// <param name="Type">The value's type.</param>
/// <param name="Bits">i32/i64 value, or f32/f64 bits, or the extern reference's number.</param>
/// <param name="V128">The 16 bytes of a v128.</param>
/// <param name="IsNull">A null reference.</param>
/// <param name="HeapType">For references: the heap type as written (<c>func</c>, <c>extern</c>, …).</param>
public sealed record WastValue(WastValueType Type, ulong Bits = 0, byte[]? V128 = null, bool IsNull = false, string? HeapType = null)
{
    /// <summary>The value as the script would write it.</summary>
    public override string ToString() => Type switch
    {
        WastValueType.I32 => $"({WastKeywords.I32Const} {(int)Bits})",
        WastValueType.I64 => $"({WastKeywords.I64Const} {(long)Bits})",
        WastValueType.F32 => $"({WastKeywords.F32Const} {WatNumbers.F32((uint)Bits)})",
        WastValueType.F64 => $"({WastKeywords.F64Const} {WatNumbers.F64(Bits)})",
        WastValueType.V128 => $"({WastKeywords.V128Const} i8x16 {string.Join(' ', V128!.Select(b => b.ToString(CultureInfo.InvariantCulture)))})",
        _ when IsNull => $"({WastKeywords.RefNull} {HeapType})",
        WastValueType.ExternRef => $"({WastKeywords.RefExtern} {Bits})",
        _ => $"(ref {HeapType})",
    };
}

/// <summary>What a float result may be: an exact value, or any canonical / arithmetic NaN.</summary>
public enum NanPattern
{
    /// <summary>Exactly the given bits.</summary>
    None,
    /// <summary><c>nan:canonical</c>: a NaN with only the top mantissa bit set (either sign).</summary>
    Canonical,
    /// <summary><c>nan:arithmetic</c>: a NaN with the top mantissa bit set (either sign).</summary>
    Arithmetic,
}

/// <summary>An expected result of <c>assert_return</c>.</summary>
public abstract record WastExpected
{
    /// <summary>Whether <paramref name="actual"/> (a value from the engine, see <see cref="WastRunner"/>) matches.</summary>
    public abstract bool Matches(WastValue actual);
}

/// <summary>Exactly this value (for floats, these bits).</summary>
public sealed record ExpectValue(WastValue Value) : WastExpected
{
    /// <inheritdoc/>
    public override bool Matches(WastValue actual) => Value.Type switch
    {
        WastValueType.V128 => actual.Type == WastValueType.V128 && Value.V128!.AsSpan().SequenceEqual(actual.V128),
        WastValueType.ExternRef when !Value.IsNull => actual.Type == WastValueType.ExternRef && !actual.IsNull && actual.Bits == Value.Bits,
        WastValueType.FuncRef or WastValueType.ExternRef or WastValueType.OtherRef => actual.IsNull == Value.IsNull && IsReference(actual.Type),
        _ => actual.Type == Value.Type && actual.Bits == Value.Bits,
    };

    internal static bool IsReference(WastValueType type) => type is WastValueType.FuncRef or WastValueType.ExternRef or WastValueType.OtherRef;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}

/// <summary>A float NaN pattern: <c>(f32.const nan:canonical)</c>, <c>(f64.const nan:arithmetic)</c>.</summary>
public sealed record ExpectNan(WastValueType Type, NanPattern Pattern) : WastExpected
{
    /// <inheritdoc/>
    public override bool Matches(WastValue actual)
    {
        if (actual.Type != Type) return false;
        return Type == WastValueType.F32 ? Check32((uint)actual.Bits, Pattern) : Check64(actual.Bits, Pattern);
    }

    internal static bool Check32(uint bits, NanPattern pattern)
    {
        var magnitude = bits & 0x7FFF_FFFFu;
        return pattern == NanPattern.Canonical ? magnitude == 0x7FC0_0000u : (magnitude & 0x7FC0_0000u) == 0x7FC0_0000u;
    }

    internal static bool Check64(ulong bits, NanPattern pattern)
    {
        var magnitude = bits & 0x7FFF_FFFF_FFFF_FFFFUL;
        return pattern == NanPattern.Canonical
            ? magnitude == 0x7FF8_0000_0000_0000UL
            : (magnitude & 0x7FF8_0000_0000_0000UL) == 0x7FF8_0000_0000_0000UL;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"({(Type == WastValueType.F32 ? WastKeywords.F32Const : WastKeywords.F64Const)} nan:{(Pattern == NanPattern.Canonical ? "canonical" : "arithmetic")})";
}

/// <summary>A v128 given lane by lane where float lanes may be NaN patterns (<c>(v128.const f32x4 nan:canonical 1 2 3)</c>).</summary>
public sealed record ExpectV128Lanes(string Shape, ulong[] Lanes, NanPattern[] Patterns) : WastExpected
{
    /// <inheritdoc/>
    public override bool Matches(WastValue actual)
    {
        if (actual.Type != WastValueType.V128) return false;
        var bytes = actual.V128!;
        var width = 16 / Lanes.Length;
        for (var i = 0; i < Lanes.Length; i++)
        {
            var lane = width == 4 ? BitConverter.ToUInt32(bytes, i * 4) : BitConverter.ToUInt64(bytes, i * 8);
            var ok = Patterns[i] switch
            {
                NanPattern.None => lane == Lanes[i],
                _ when width == 4 => ExpectNan.Check32((uint)lane, Patterns[i]),
                _ => ExpectNan.Check64(lane, Patterns[i]),
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var lanes = Lanes.Select((l, i) => Patterns[i] switch
        {
            NanPattern.Canonical => "nan:canonical",
            NanPattern.Arithmetic => "nan:arithmetic",
            _ => Shape == "f32x4" ? WatNumbers.F32((uint)l) : WatNumbers.F64(l),
        });
        return $"({WastKeywords.V128Const} {Shape} {string.Join(' ', lanes)})";
    }
}

/// <summary>Any non-null reference of a kind: <c>(ref.extern)</c>, <c>(ref.func)</c>.</summary>
public sealed record ExpectAnyReference(WastValueType Type) : WastExpected
{
    /// <inheritdoc/>
    public override bool Matches(WastValue actual) => actual.Type == Type && !actual.IsNull;

    /// <inheritdoc/>
    public override string ToString() => Type == WastValueType.FuncRef ? $"({WastKeywords.RefFunc})" : $"({WastKeywords.RefExtern})";
}

/// <summary><c>(either v1 v2 …)</c>: any of the alternatives.</summary>
public sealed record ExpectEither(IReadOnlyList<WastExpected> Alternatives) : WastExpected
{
    /// <inheritdoc/>
    public override bool Matches(WastValue actual) => Alternatives.Any(a => a.Matches(actual));

    /// <inheritdoc/>
    public override string ToString() => $"(either {string.Join(' ', Alternatives)})";
}
