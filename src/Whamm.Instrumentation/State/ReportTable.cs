using System.Globalization;
using Whamm.Instrumentation.Core;
using Whamm.Language.Semantics;

namespace Whamm.Instrumentation.State;

/// <summary>Where a report variable instance was allocated: the match site and the probe (null for script globals).</summary>
internal sealed record ReportSite(uint Fid, int Pc, string FunctionName, int ProbeIndex, string Rule)
{
    /// <summary>The rule as the report's probe_id names it: a rule without a mode ends in <c>:&lt;no-mode&gt;</c> (reference §3.6).</summary>
    public static string RuleOf(CheckedMatch match) => match.Mode is null ? match.RuleName + ":<no-mode>" : match.RuleName;
}

/// <summary>
/// The rows of the default report flush (reference §3.6, DECISIONS 15). Everything but the value is known at
/// instrumentation time, so each row is a preformatted prefix plus the address and descriptor of its value;
/// the core library's <c>whamm_report</c> prints the banner, the header and the rows from the table this
/// writes into the static region (20 bytes per row: prefix address and length, descriptor address and
/// length, value address).
/// <para>Row order is Whamm's: per-site report variables first, grouped by type (u8, i8, u16, i16, u32, i32,
/// f32, u64, i64, f64, bool, str, tuples by their display string, maps), each group in allocation order; then
/// script-global report variables in declaration order.</para>
/// </summary>
internal sealed class ReportTable
{
    private readonly List<(ReportSite? Site, string Name, WhammType Type, string Id, string IdType, uint ValueAddress, int Order)> rows = [];

    public int Count => rows.Count;

    /// <summary>A report variable of a probe at one site; its value lives at <paramref name="valueAddress"/>.</summary>
    public void AddSiteVariable(ReportSite site, string name, WhammType type, uint valueAddress) =>
        rows.Add((site, name, type, valueAddress.ToString(CultureInfo.InvariantCulture), "memaddr", valueAddress, rows.Count));

    /// <summary>
    /// Makes the row of the per-site instance at <paramref name="idAddress"/> (allocated lately) print the value at
    /// <paramref name="valueAddress"/>, a counter it shares with other sites, while its id stays its own address.
    /// </summary>
    public void ReadValueFrom(uint idAddress, uint valueAddress)
    {
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            if (rows[i].Site is null || rows[i].ValueAddress != idAddress) continue;
            rows[i] = rows[i] with { ValueAddress = valueAddress };
            return;
        }
        throw new InstrumentationException($"internal error: no report row for address {idAddress}", isInternal: true);
    }

    /// <summary>A script-global report variable; its value is copied to <paramref name="valueAddress"/> before the flush.</summary>
    public void AddGlobal(string name, WhammType type, string id, uint valueAddress) =>
        rows.Add((null, name, type, id, type.IsMap ? "map_id" : "global_id", valueAddress, rows.Count));

    /// <summary>Writes the rows' strings and the table into <paramref name="data"/>; returns the table's address.</summary>
    public uint Write(StaticData data)
    {
        var ordered = rows
            .OrderBy(r => r.Site is null ? 1 : 0)
            .ThenBy(r => r.Site is null ? 0 : TypeGroup(r.Type))
            .ThenBy(r => r.Site is not null && r.Type.IsTuple ? r.Type.ToString() : "", StringComparer.Ordinal)
            .ThenBy(r => r.Order)
            .ToArray();
        var entries = new (uint, int, uint, int, uint)[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var r = ordered[i];
            var (prefix, prefixLength) = data.String(Prefix(r.Site, r.Name, r.Type, r.Id, r.IdType));
            var (desc, descLength) = data.String(ValueLayout.Descriptor(r.Type));
            entries[i] = (prefix, prefixLength, desc, descLength, r.ValueAddress);
        }
        var table = data.Reserve(ordered.Length * CoreLibrary.ReportEntrySize, 4);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = table + (uint)(i * CoreLibrary.ReportEntrySize);
            data.WriteInt32(at, (int)entries[i].Item1);
            data.WriteInt32(at + 4, entries[i].Item2);
            data.WriteInt32(at + 8, (int)entries[i].Item3);
            data.WriteInt32(at + 12, entries[i].Item4);
            data.WriteInt32(at + 16, (int)entries[i].Item5);
        }
        return table;
    }

    /// <summary>Everything of a row up to the value: <c>4, memaddr, count, u32, i32, script0, main, 5, 9, 0_wasm:opcode:call:before, </c>.</summary>
    private static string Prefix(ReportSite? site, string name, WhammType type, string id, string idType)
    {
        var wasm = type.IsMap ? "i32" : WasmTypeText(type);
        var where = site is null ? ", , , " : string.Create(CultureInfo.InvariantCulture, $"{site.FunctionName}, {site.Fid}, {site.Pc}, {site.ProbeIndex}_{site.Rule}");
        return $"{id}, {idType}, {name}, {type}, {wasm}, script0, {where}, ";
    }

    private static string WasmTypeText(WhammType type)
    {
        var types = type.WasmTypes;
        return types.Count == 1 ? types[0].ToString() : "(" + string.Join("; ", types) + ")";
    }

    private static int TypeGroup(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U8 => 0, WhammTypeKind.I8 => 1, WhammTypeKind.U16 => 2, WhammTypeKind.I16 => 3,
        WhammTypeKind.U32 => 4, WhammTypeKind.I32 => 5, WhammTypeKind.F32 => 6, WhammTypeKind.U64 => 7,
        WhammTypeKind.I64 => 8, WhammTypeKind.F64 => 9, WhammTypeKind.Bool => 10, WhammTypeKind.Str => 11,
        WhammTypeKind.Tuple => 12, _ => 13,
    };
}
