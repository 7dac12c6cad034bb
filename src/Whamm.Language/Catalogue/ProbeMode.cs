namespace Whamm.Language.Catalogue;

/// <summary>How a probe is placed relative to its event (reference §2.4).</summary>
public enum ModeKind : byte
{
    /// <summary>Code inserted immediately before the instruction.</summary>
    Before,
    /// <summary>Code inserted immediately after the instruction (results available as <c>resN</c>).</summary>
    After,
    /// <summary>The instruction is replaced by the probe body.</summary>
    Alt,
    /// <summary>After the matching <c>end</c> of a block (written <c>after</c>), or at a branch target (written <c>at_target</c>).</summary>
    SemanticAfter,
    /// <summary>The whole structured block is replaced (written <c>alt</c>).</summary>
    BlockAlt,
    /// <summary>At the start of a block's body.</summary>
    Entry,
    /// <summary>At the end of a block's body.</summary>
    Exit,
}

/// <summary>
/// A mode an event supports. <see cref="Name"/> is what rules write and match against (the YAML
/// <c>alias_to</c> when there is one); <see cref="DefinitionName"/> is the reference's own name
/// (<c>semantic_after</c>, <c>block_alt</c>).
/// </summary>
public sealed class ProbeMode
{
    private ProbeMode(string name, string definitionName, ModeKind kind, string doc)
    {
        Name = name;
        DefinitionName = definitionName;
        Kind = kind;
        Doc = doc;
    }

    /// <summary>The name written in rules (<c>before</c>, <c>after</c>, <c>alt</c>, <c>entry</c>, <c>exit</c>, <c>at_target</c>).</summary>
    public string Name { get; }

    /// <summary>The reference's definition name (differs from <see cref="Name"/> for aliased modes).</summary>
    public string DefinitionName { get; }

    /// <summary>The placement.</summary>
    public ModeKind Kind { get; }

    /// <summary>Documentation for <c>whamm info</c>.</summary>
    public string Doc { get; }

    /// <inheritdoc/>
    public override string ToString() => Name == DefinitionName ? Name : $"{DefinitionName}→{Name}";

    /// <summary><c>before</c>.</summary>
    public static ProbeMode Before { get; } = new("before", "before", ModeKind.Before,
        "Runs the probe immediately before the event (when the predicate holds).");

    /// <summary><c>after</c> on an ordinary instruction.</summary>
    public static ProbeMode After { get; } = new("after", "after", ModeKind.After,
        "Runs the probe immediately after the event (when the predicate holds); the event's results are available as resN.");

    /// <summary><c>alt</c> on an ordinary instruction.</summary>
    public static ProbeMode Alt { get; } = new("alt", "alt", ModeKind.Alt,
        "Runs the probe instead of the event (when the predicate holds); an empty body deletes the instruction.");

    /// <summary><c>semantic_after</c> written as <c>after</c> on block-like instructions.</summary>
    public static ProbeMode BlockAfter { get; } = new("after", "semantic_after", ModeKind.SemanticAfter,
        "Runs the probe semantically after the structured block: right after its matching end.");

    /// <summary><c>block_alt</c> written as <c>alt</c> on block-like instructions.</summary>
    public static ProbeMode BlockAlt { get; } = new("alt", "block_alt", ModeKind.BlockAlt,
        "Runs the probe instead of the whole structured block (when the predicate holds).");

    /// <summary><c>entry</c> on block-like instructions.</summary>
    public static ProbeMode Entry { get; } = new("entry", "entry", ModeKind.Entry,
        "Runs the probe on entry to the block's body.");

    /// <summary><c>exit</c> on block-like instructions.</summary>
    public static ProbeMode Exit { get; } = new("exit", "exit", ModeKind.Exit,
        "Runs the probe on exit from the block's body (at its end).");

    /// <summary><c>semantic_after</c> written as <c>at_target</c> on branches.</summary>
    public static ProbeMode AtTarget { get; } = new("at_target", "semantic_after", ModeKind.SemanticAfter,
        "Runs the probe at the branch target, i.e. where execution continues when the branch is taken.");
}
