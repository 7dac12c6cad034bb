namespace Whamm.Runtime.Reports;

/// <summary>
/// One row of Whamm's CSV report (reference §3.6):
/// <c>id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)</c>.
/// Rows of per-site variables (<c>memaddr</c>) carry the site; rows of script globals (<c>global_id</c>,
/// <c>map_id</c>) leave it empty.
/// </summary>
/// <param name="Id">An address, global index or map id (implementation-defined, DECISIONS 15).</param>
/// <param name="IdType"><c>memaddr</c>, <c>global_id</c> or <c>map_id</c>.</param>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">The variable's Whamm type.</param>
/// <param name="WasmType">The Wasm type(s) as printed: <c>i32</c>, <c>(i32; i32)</c>.</param>
/// <param name="ScriptId"><c>script0</c>, …</param>
/// <param name="FunctionName">The site's function (<c>#fid</c> when unnamed), or null.</param>
/// <param name="Fid">The site's function index, or null.</param>
/// <param name="Pc">The site's instruction offset in the body (Wizard convention), or null.</param>
/// <param name="ProbeId"><c>N_rule</c>, e.g. <c>0_wasm:opcode:call:before</c>, or null.</param>
/// <param name="Value">The value read by its type; null when the text does not fit the type.</param>
/// <param name="ValueText">The value exactly as printed.</param>
public sealed record ReportRow(
    long Id, string IdType, string Name, ReportType Type, string WasmType, string ScriptId,
    string? FunctionName, uint? Fid, uint? Pc, string? ProbeId, ReportValue? Value, string ValueText)
{
    /// <summary>The probe's number in the script (the part of <see cref="ProbeId"/> before <c>_</c>), or null.</summary>
    public int? ProbeIndex => ProbeId is { } id && int.TryParse(id.AsSpan(0, Math.Max(0, id.IndexOf('_'))), out var n) ? n : null;

    /// <summary>The rule of <see cref="ProbeId"/> (<c>wasm:opcode:call:before</c>), or null.</summary>
    public string? Rule => ProbeId is { } id && id.IndexOf('_') is var at and >= 0 ? id[(at + 1)..] : null;

    /// <summary>The opcode the rule names when it is of the <c>wasm:opcode</c> package (<c>call</c>, <c>i32.add</c>), else null.</summary>
    public string? Opcode => Rule?.Split(':') is [_, "opcode", var op, ..] ? op : null;

    /// <summary>Whether the row belongs to a match site (a per-site variable).</summary>
    public bool IsSite => Fid is not null;
}
