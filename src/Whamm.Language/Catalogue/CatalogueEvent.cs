using Whamm.Wasm.Opcodes;

namespace Whamm.Language.Catalogue;

/// <summary>What an event is attached to.</summary>
public enum CatalogueEventKind : byte
{
    /// <summary>One instruction of the opcode table (<see cref="CatalogueEvent.Opcode"/> says which).</summary>
    Opcode,
    /// <summary><c>wasm:func:entry</c>.</summary>
    FuncEntry,
    /// <summary><c>wasm:func:exit</c>.</summary>
    FuncExit,
    /// <summary><c>wasm:block:start</c>.</summary>
    BlockStart,
    /// <summary><c>wasm:block:end</c>.</summary>
    BlockEnd,
}

/// <summary>An event: the third part of a probe rule.</summary>
public sealed class CatalogueEvent : CatalogueNode
{
    internal CatalogueEvent(string name, CatalogueEventKind kind, OpcodeInfo? opcode, bool inReference, string doc,
        IReadOnlyList<ProbeMode> modes, IReadOnlyList<BoundVariable> variables, IReadOnlyList<BoundFunction> functions)
        : base(name, doc, variables, functions)
    {
        Kind = kind;
        Opcode = opcode;
        IsReferenceEvent = inReference;
        Modes = modes;
    }

    /// <summary>What the event is attached to.</summary>
    public CatalogueEventKind Kind { get; }

    /// <summary>The opcode table row of an opcode event; null for function and block events.</summary>
    public OpcodeInfo? Opcode { get; }

    /// <summary>
    /// True for the events Whamm 1.0 defines (its 310 opcode events, func and block events); false for
    /// the opcode events this implementation adds for the rest of the opcode table (SIMD, legacy
    /// exceptions, wide arithmetic).
    /// </summary>
    public bool IsReferenceEvent { get; }

    /// <summary>Supported modes in definition order; empty for events without modes (func and block events).</summary>
    public IReadOnlyList<ProbeMode> Modes { get; }

    /// <summary>The package this event belongs to.</summary>
    public CataloguePackage Package { get; internal set; } = null!;

    /// <summary>Position in the package's catalogue order (0-based).</summary>
    public int Index { get; internal set; }

    /// <summary>The mode of the given kind, or null when the event does not support it.</summary>
    public ProbeMode? FindMode(ModeKind kind)
    {
        foreach (var m in Modes)
        {
            if (m.Kind == kind) return m;
        }
        return null;
    }

    /// <summary>The mode written <paramref name="name"/> in rules (<c>after</c>, <c>at_target</c>, …), or null.</summary>
    public ProbeMode? FindMode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var m in Modes)
        {
            if (m.Name == name) return m;
        }
        return null;
    }
}
