using System.Numerics;
using System.Text.RegularExpressions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Tests.Opcodes;

/// <summary>
/// Checks the <see cref="Op"/> table against the encodings of the specifications (as implemented by
/// wasmparser's <c>binary_reader.rs</c>, which Wasmtime 50 uses).
/// </summary>
public class OpcodeTableTests
{
    private static IEnumerable<OpcodeInfo> WithPrefix(byte prefix) => OpcodeTable.All.Where(o => o.Prefix == prefix);

    [Fact]
    public void TableBuildsWithoutDuplicateEncodings()
    {
        // The static constructor throws when two rows share an encoding, a signature does not
        // parse, or members are not dense; touching All runs it.
        var all = OpcodeTable.All;
        Assert.Equal(199 + 31 + 22 + 256 + 67, all.Count);
        Assert.Equal(all.Count, all.Select(o => (o.Prefix, o.Code)).Distinct().Count());
        foreach (var o in all)
        {
            Assert.Same(o, o.Prefix == 0 ? OpcodeTable.Lookup((byte)o.Code) : OpcodeTable.Lookup(o.Prefix, o.Code));
            Assert.Same(o, OpcodeTable.Get(o.Op));
        }
    }

    [Theory]
    [InlineData(0x00, 199)] // MVP 172 + sign-ext 5 + ref-types 6 + tail-call 2 + func-refs 5 + ref.eq + EH 3 + legacy EH 5
    [InlineData(0xFB, 31)]
    [InlineData(0xFC, 22)]
    [InlineData(0xFD, 256)]
    [InlineData(0xFE, 67)]
    public void CountsPerPrefix(int prefix, int count) => Assert.Equal(count, WithPrefix((byte)prefix).Count());

    [Fact]
    public void SimdSplitsIntoFinalAndRelaxed()
    {
        var simd = WithPrefix(0xFD).ToList();
        Assert.Equal(236, simd.Count(o => o.Feature == Feature.Simd));
        Assert.Equal(20, simd.Count(o => o.Feature == Feature.RelaxedSimd));
        Assert.All(simd, o => Assert.Equal(o.Code >= 0x100 ? Feature.RelaxedSimd : Feature.Simd, o.Feature));
        Assert.All(simd, o => Assert.Equal(OpCategory.Simd, o.Category));
        Assert.All(simd, o => Assert.True(o.HasFixedSignature, o.Name));
        // Final SIMD leaves exactly these sub-opcodes below 0x100 unassigned.
        uint[] gaps = [0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB, 0xC2, 0xC5, 0xC6, 0xCF, 0xD0, 0xD2, 0xD3, 0xD4, 0xE2, 0xEE];
        for (uint sub = 0; sub <= 0x113; sub++)
        {
            Assert.Equal(!gaps.Contains(sub), OpcodeTable.Lookup(0xFD, sub) is not null);
        }
    }

    [Fact]
    public void ThreadsRows()
    {
        var atomics = WithPrefix(0xFE).ToList();
        Assert.All(atomics, o => Assert.Equal(OpCategory.Atomic, o.Category));
        Assert.All(atomics, o => Assert.Equal(Feature.Threads, o.Feature));
        Assert.All(atomics, o => Assert.True(o.HasFixedSignature, o.Name));
        Assert.All(atomics.Where(o => o.Op != Op.AtomicFence), o => Assert.Equal([ImmKind.MemArg], o.Immediates));
        Assert.Equal([ImmKind.ZeroByte], OpcodeTable.Get(Op.AtomicFence).Immediates);
        Assert.Empty(OpcodeTable.Get(Op.AtomicFence).Params!);
        Assert.Empty(OpcodeTable.Get(Op.AtomicFence).Results!);
        // Contiguous: 0x00..0x03 and 0x10..0x4E.
        Assert.Equal(Enumerable.Range(0, 4).Concat(Enumerable.Range(0x10, 0x3F)).Select(i => (uint)i), atomics.Select(o => o.Code));
    }

    [Fact]
    public void GcRows()
    {
        var gc = WithPrefix(0xFB).ToList();
        Assert.Equal(Enumerable.Range(0, 31).Select(i => (uint)i), gc.Select(o => o.Code));
        Assert.All(gc, o => Assert.Equal(Feature.Gc, o.Feature));
        Assert.All(gc, o => Assert.False(o.HasFixedSignature, o.Name));
        Assert.All(gc, o => Assert.Equal(o.Name.StartsWith("br_on_cast", StringComparison.Ordinal) ? OpCategory.Control : OpCategory.Gc, o.Category));
        Assert.Equal([ImmKind.CastFlags, ImmKind.Label, ImmKind.HeapType, ImmKind.HeapType], OpcodeTable.Get(Op.BrOnCast).Immediates);
        Assert.Equal([ImmKind.CastFlags, ImmKind.Label, ImmKind.HeapType, ImmKind.HeapType], OpcodeTable.Get(Op.BrOnCastFail).Immediates);
        Assert.Equal([ImmKind.Type, ImmKind.Field], OpcodeTable.Get(Op.StructGetS).Immediates);
        Assert.Equal([ImmKind.Type, ImmKind.U32], OpcodeTable.Get(Op.ArrayNewFixed).Immediates);
        Assert.Equal([ImmKind.Type, ImmKind.Type], OpcodeTable.Get(Op.ArrayCopy).Immediates);
        Assert.Equal([ImmKind.Type, ImmKind.Data], OpcodeTable.Get(Op.ArrayInitData).Immediates);
        Assert.Equal([ImmKind.Type, ImmKind.Elem], OpcodeTable.Get(Op.ArrayNewElem).Immediates);
        Assert.Equal([ImmKind.Type], OpcodeTable.Get(Op.ArrayGet).Immediates);
        Assert.Empty(OpcodeTable.Get(Op.ArrayLen).Immediates);
        Assert.Equal([ImmKind.HeapType], OpcodeTable.Get(Op.RefCastNull).Immediates);
        // The nullable test/cast forms share their text mnemonic with the non-null forms.
        Assert.Equal([Op.RefTest, Op.RefTestNull], OpcodeTable.WithName("ref.test").Select(o => o.Op));
        Assert.Equal([Op.RefCast, Op.RefCastNull], OpcodeTable.WithName("ref.cast").Select(o => o.Op));
    }

    [Fact]
    public void MemArgRowsHaveAPowerOfTwoSize()
    {
        var memRows = OpcodeTable.All.Where(o => o.Has(ImmKind.MemArg)).ToList();
        Assert.Equal(23 + 22 + 66, memRows.Count); // core loads/stores, SIMD memory ops, atomics
        Assert.All(memRows, o => Assert.True(o.MemorySize > 0 && BitOperations.IsPow2(o.MemorySize), $"{o.Name}: {o.MemorySize}"));
        Assert.All(OpcodeTable.All.Where(o => !o.Has(ImmKind.MemArg)), o => Assert.Equal(0, o.MemorySize));
    }

    [Theory]
    [InlineData(0xFD, 0x00, "v128.load", 16)]
    [InlineData(0xFD, 0x01, "v128.load8x8_s", 8)]
    [InlineData(0xFD, 0x06, "v128.load32x2_u", 8)]
    [InlineData(0xFD, 0x07, "v128.load8_splat", 1)]
    [InlineData(0xFD, 0x08, "v128.load16_splat", 2)]
    [InlineData(0xFD, 0x0A, "v128.load64_splat", 8)]
    [InlineData(0xFD, 0x0B, "v128.store", 16)]
    [InlineData(0xFD, 0x54, "v128.load8_lane", 1)]
    [InlineData(0xFD, 0x57, "v128.load64_lane", 8)]
    [InlineData(0xFD, 0x59, "v128.store16_lane", 2)]
    [InlineData(0xFD, 0x5C, "v128.load32_zero", 4)]
    [InlineData(0xFD, 0x5D, "v128.load64_zero", 8)]
    [InlineData(0xFE, 0x00, "memory.atomic.notify", 4)]
    [InlineData(0xFE, 0x01, "memory.atomic.wait32", 4)]
    [InlineData(0xFE, 0x02, "memory.atomic.wait64", 8)]
    [InlineData(0xFE, 0x11, "i64.atomic.load", 8)]
    [InlineData(0xFE, 0x16, "i64.atomic.load32_u", 4)]
    [InlineData(0xFE, 0x1A, "i32.atomic.store16", 2)]
    [InlineData(0xFE, 0x20, "i32.atomic.rmw8.add_u", 1)]
    [InlineData(0xFE, 0x42, "i64.atomic.rmw.xchg", 8)]
    [InlineData(0xFE, 0x4E, "i64.atomic.rmw32.cmpxchg_u", 4)]
    public void MemoryEncodings(int prefix, int sub, string name, int size)
    {
        var o = OpcodeTable.Lookup((byte)prefix, (uint)sub);
        Assert.NotNull(o);
        Assert.Equal(name, o.Name);
        Assert.Equal(size, o.MemorySize);
    }

    [Theory]
    [InlineData(0xFB, 0x00, "struct.new")]
    [InlineData(0xFB, 0x05, "struct.set")]
    [InlineData(0xFB, 0x08, "array.new_fixed")]
    [InlineData(0xFB, 0x0F, "array.len")]
    [InlineData(0xFB, 0x13, "array.init_elem")]
    [InlineData(0xFB, 0x15, "ref.test")]
    [InlineData(0xFB, 0x17, "ref.cast")]
    [InlineData(0xFB, 0x18, "br_on_cast")]
    [InlineData(0xFB, 0x19, "br_on_cast_fail")]
    [InlineData(0xFB, 0x1A, "any.convert_extern")]
    [InlineData(0xFB, 0x1B, "extern.convert_any")]
    [InlineData(0xFB, 0x1C, "ref.i31")]
    [InlineData(0xFB, 0x1E, "i31.get_u")]
    [InlineData(0xFC, 0x11, "table.fill")]
    [InlineData(0xFC, 0x16, "i64.mul_wide_u")]
    [InlineData(0xFD, 0x0C, "v128.const")]
    [InlineData(0xFD, 0x0D, "i8x16.shuffle")]
    [InlineData(0xFD, 0x0E, "i8x16.swizzle")]
    [InlineData(0xFD, 0x1B, "i32x4.extract_lane")]
    [InlineData(0xFD, 0x22, "f64x2.replace_lane")]
    [InlineData(0xFD, 0x4F, "v128.andnot")]
    [InlineData(0xFD, 0x53, "v128.any_true")]
    [InlineData(0xFD, 0x5E, "f32x4.demote_f64x2_zero")]
    [InlineData(0xFD, 0x5F, "f64x2.promote_low_f32x4")]
    [InlineData(0xFD, 0x62, "i8x16.popcnt")]
    [InlineData(0xFD, 0x67, "f32x4.ceil")]
    [InlineData(0xFD, 0x74, "f64x2.ceil")]
    [InlineData(0xFD, 0x7A, "f64x2.trunc")]
    [InlineData(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s")]
    [InlineData(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u")]
    [InlineData(0xFD, 0x82, "i16x8.q15mulr_sat_s")]
    [InlineData(0xFD, 0x94, "f64x2.nearest")]
    [InlineData(0xFD, 0x9B, "i16x8.avgr_u")]
    [InlineData(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u")]
    [InlineData(0xFD, 0xBA, "i32x4.dot_i16x8_s")]
    [InlineData(0xFD, 0xD5, "i64x2.mul")]
    [InlineData(0xFD, 0xD6, "i64x2.eq")]
    [InlineData(0xFD, 0xDB, "i64x2.ge_s")]
    [InlineData(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s")]
    [InlineData(0xFD, 0xEA, "f32x4.pmin")]
    [InlineData(0xFD, 0xF7, "f64x2.pmax")]
    [InlineData(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero")]
    [InlineData(0xFD, 0xFF, "f64x2.convert_low_i32x4_u")]
    [InlineData(0xFD, 0x100, "i8x16.relaxed_swizzle")]
    [InlineData(0xFD, 0x101, "i32x4.relaxed_trunc_f32x4_s")]
    [InlineData(0xFD, 0x105, "f32x4.relaxed_madd")]
    [InlineData(0xFD, 0x10C, "i64x2.relaxed_laneselect")]
    [InlineData(0xFD, 0x111, "i16x8.relaxed_q15mulr_s")]
    [InlineData(0xFD, 0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s")]
    [InlineData(0xFE, 0x03, "atomic.fence")]
    [InlineData(0xFE, 0x1E, "i32.atomic.rmw.add")]
    [InlineData(0xFE, 0x48, "i32.atomic.rmw.cmpxchg")]
    public void Encodings(int prefix, int sub, string name)
    {
        var o = OpcodeTable.Lookup((byte)prefix, (uint)sub);
        Assert.NotNull(o);
        Assert.Equal(name, o.Name);
    }

    [Fact]
    public void UnassignedEncodingsAreNull()
    {
        Assert.Null(OpcodeTable.Lookup(0xFD, 0x9A));
        Assert.Null(OpcodeTable.Lookup(0xFD, 0x114));
        Assert.Null(OpcodeTable.Lookup(0xFE, 0x04));
        Assert.Null(OpcodeTable.Lookup(0xFE, 0x4F));
        Assert.Null(OpcodeTable.Lookup(0xFB, 0x1F));
        Assert.Null(OpcodeTable.Lookup(0xFC, 0x12));
    }

    [Theory]
    [InlineData(Op.V128Load, "addr -> v128")]
    [InlineData(Op.V128Store, "addr v128 ->")]
    [InlineData(Op.V128Load16Lane, "addr v128 -> v128")]
    [InlineData(Op.V128Store64Lane, "addr v128 ->")]
    [InlineData(Op.V128Const, "-> v128")]
    [InlineData(Op.I8x16Shuffle, "v128 v128 -> v128")]
    [InlineData(Op.I8x16ExtractLaneS, "v128 -> i32")]
    [InlineData(Op.I64x2ExtractLane, "v128 -> i64")]
    [InlineData(Op.F32x4ExtractLane, "v128 -> f32")]
    [InlineData(Op.F64x2ReplaceLane, "v128 f64 -> v128")]
    [InlineData(Op.I16x8ReplaceLane, "v128 i32 -> v128")]
    [InlineData(Op.V128Bitselect, "v128 v128 v128 -> v128")]
    [InlineData(Op.F64x2RelaxedNmadd, "v128 v128 v128 -> v128")]
    [InlineData(Op.I32x4RelaxedLaneselect, "v128 v128 v128 -> v128")]
    [InlineData(Op.I32x4RelaxedDotI8x16I7x16AddS, "v128 v128 v128 -> v128")]
    [InlineData(Op.I16x8RelaxedDotI8x16I7x16S, "v128 v128 -> v128")]
    [InlineData(Op.I64x2ShrU, "v128 i32 -> v128")]
    [InlineData(Op.I8x16Splat, "i32 -> v128")]
    [InlineData(Op.I64x2Splat, "i64 -> v128")]
    [InlineData(Op.F32x4Splat, "f32 -> v128")]
    [InlineData(Op.F64x2Splat, "f64 -> v128")]
    [InlineData(Op.V128AnyTrue, "v128 -> i32")]
    [InlineData(Op.I64x2AllTrue, "v128 -> i32")]
    [InlineData(Op.I8x16Bitmask, "v128 -> i32")]
    [InlineData(Op.V128Not, "v128 -> v128")]
    [InlineData(Op.I32x4TruncSatF64x2UZero, "v128 -> v128")]
    [InlineData(Op.I32x4RelaxedTruncF32x4U, "v128 -> v128")]
    [InlineData(Op.F32x4Add, "v128 v128 -> v128")]
    [InlineData(Op.MemoryAtomicNotify, "addr i32 -> i32")]
    [InlineData(Op.MemoryAtomicWait32, "addr i32 i64 -> i32")]
    [InlineData(Op.MemoryAtomicWait64, "addr i64 i64 -> i32")]
    [InlineData(Op.AtomicFence, "->")]
    [InlineData(Op.I32AtomicLoad16U, "addr -> i32")]
    [InlineData(Op.I64AtomicStore, "addr i64 ->")]
    [InlineData(Op.I32AtomicRmw8AddU, "addr i32 -> i32")]
    [InlineData(Op.I64AtomicRmw32XorU, "addr i64 -> i64")]
    [InlineData(Op.I64AtomicRmwCmpxchg, "addr i64 i64 -> i64")]
    [InlineData(Op.I32AtomicRmw16CmpxchgU, "addr i32 i32 -> i32")]
    public void FixedSignatures(Op op, string signature)
    {
        var o = OpcodeTable.Get(op);
        Assert.True(o.HasFixedSignature);
        Assert.Equal(signature, Format(o));
    }

    [Fact]
    public void EveryFixedSignatureParsedBothSides()
    {
        foreach (var o in OpcodeTable.All)
        {
            Assert.Equal(o.Params is null, o.Results is null);
            if (o.Has(ImmKind.MemArg) && o.HasFixedSignature)
            {
                Assert.Equal(OperandKind.Addr, o.Params![0]);
            }
        }
    }

    [Fact]
    public void PrefixedMembersArePascalCaseOfTheirMnemonicAndInEncodingOrder()
    {
        Dictionary<Op, string> renamed = new() { [Op.RefTestNull] = "RefTestNull", [Op.RefCastNull] = "RefCastNull" };
        foreach (byte prefix in new byte[] { 0xFB, 0xFC, 0xFD, 0xFE })
        {
            var rows = WithPrefix(prefix).ToList();
            Assert.Equal(rows.OrderBy(o => o.Code).Select(o => o.Op), rows.Select(o => o.Op));
            foreach (var o in rows)
            {
                var expected = renamed.GetValueOrDefault(o.Op)
                    ?? string.Concat(Regex.Split(o.Name, "[._]").Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
                Assert.Equal(expected, o.Op.ToString());
            }
        }
    }

    private static string Format(OpcodeInfo o)
    {
        static string Kinds(OperandKind[] ks) => string.Join(' ', ks.Select(k => k.ToString().ToLowerInvariant()));
        var p = Kinds(o.Params!);
        var r = Kinds(o.Results!);
        return (p.Length == 0 ? "" : p + " ") + "->" + (r.Length == 0 ? "" : " " + r);
    }
}
