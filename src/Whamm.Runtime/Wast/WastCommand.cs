namespace Whamm.Runtime.Wast;

/// <summary>
/// One top-level command of a <c>.wast</c> script. <see cref="LeadingComments"/> are the comments on the
/// lines before it, which is where the Whamm test convention puts its annotations
/// (<c>;; WHAMM --&gt; …</c>, <c>;; @instrument</c>, <c>;; @passes_uninstr</c>); a comment after a command
/// on the same line is one of its <see cref="TrailingComments"/>.
/// </summary>
public abstract record WastCommand(SourcePosition Start)
{
    /// <summary>The command keyword (<c>module</c>, <c>assert_return</c>, …).</summary>
    public abstract string Keyword { get; }

    /// <summary>
    /// Comments on their own lines between the previous command (or the start of the script) and this one.
    /// </summary>
    public IReadOnlyList<WastComment> LeadingComments { get; init; } = [];

    /// <summary>Comments after this command on the line where it ends (<c>(assert_return …) ;; why</c>).</summary>
    public IReadOnlyList<WastComment> TrailingComments { get; init; } = [];
}

/// <summary>How a script module is written.</summary>
public enum WastModuleKind
{
    /// <summary><c>(module …fields…)</c>: text, handed to the text parser as written.</summary>
    Text,
    /// <summary><c>(module binary "…"…)</c>: the bytes of the strings.</summary>
    Binary,
    /// <summary><c>(module quote "…"…)</c>: text in strings, parsed only when the command runs.</summary>
    Quote,
}

/// <summary>A module definition, either a command of its own (instantiated and made current) or inside an assertion.</summary>
/// <param name="Start">Where <c>(module</c> starts.</param>
/// <param name="Name">The script-level name (<c>$M</c>), or null.</param>
/// <param name="Kind">Text, binary or quote.</param>
/// <param name="Text">For text modules: the source of the whole <c>(module …)</c>; for quote: the concatenated strings.</param>
/// <param name="Bytes">For binary modules: the concatenated strings.</param>
public sealed record WastModule(SourcePosition Start, string? Name, WastModuleKind Kind, string? Text, byte[]? Bytes) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "module";
}

/// <summary><c>(register "name" $M?)</c>: makes a module's exports importable under a module name.</summary>
public sealed record WastRegister(SourcePosition Start, string As, string? ModuleName) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "register";
}

/// <summary>An action: <c>invoke</c> an export, or <c>get</c> an exported global.</summary>
public abstract record WastAction(SourcePosition Start, string? ModuleName, string Field)
{
    /// <summary>The keyword (<c>invoke</c> or <c>get</c>).</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>(invoke $M? "name" args…)</c>.</summary>
public sealed record WastInvoke(SourcePosition Start, string? ModuleName, string Field, IReadOnlyList<WastValue> Arguments)
    : WastAction(Start, ModuleName, Field)
{
    /// <inheritdoc/>
    public override string Keyword => "invoke";
}

/// <summary><c>(get $M? "name")</c>.</summary>
public sealed record WastGet(SourcePosition Start, string? ModuleName, string Field) : WastAction(Start, ModuleName, Field)
{
    /// <inheritdoc/>
    public override string Keyword => "get";
}

/// <summary>An action at the top level: performed, its result ignored (it must not trap).</summary>
public sealed record WastActionCommand(SourcePosition Start, WastAction Action) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => Action.Keyword;
}

/// <summary><c>(assert_return action expected…)</c>.</summary>
public sealed record AssertReturn(SourcePosition Start, WastAction Action, IReadOnlyList<WastExpected> Expected) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "assert_return";
}

/// <summary><c>(assert_trap action "message")</c>, or <c>(assert_trap (module …) "message")</c> for a trap during instantiation.</summary>
public sealed record AssertTrap(SourcePosition Start, WastAction? Action, WastModule? Module, string Message) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "assert_trap";
}

/// <summary><c>(assert_exhaustion action "message")</c>: the call exhausts the stack.</summary>
public sealed record AssertExhaustion(SourcePosition Start, WastAction Action, string Message) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "assert_exhaustion";
}

/// <summary><c>(assert_exception action)</c>: the call ends with an uncaught WebAssembly exception.</summary>
public sealed record AssertException(SourcePosition Start, WastAction Action) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => "assert_exception";
}

/// <summary>The kinds of module assertion.</summary>
public enum ModuleAssertion
{
    /// <summary><c>assert_invalid</c>: decodes, fails validation.</summary>
    Invalid,
    /// <summary><c>assert_malformed</c>: does not decode (text or binary).</summary>
    Malformed,
    /// <summary><c>assert_unlinkable</c>: valid, but its imports cannot be satisfied.</summary>
    Unlinkable,
}

/// <summary><c>(assert_invalid|assert_malformed|assert_unlinkable module "message")</c>.</summary>
public sealed record AssertModule(SourcePosition Start, ModuleAssertion Assertion, WastModule Module, string Message) : WastCommand(Start)
{
    /// <inheritdoc/>
    public override string Keyword => Assertion switch
    {
        ModuleAssertion.Invalid => "assert_invalid",
        ModuleAssertion.Malformed => "assert_malformed",
        _ => "assert_unlinkable",
    };
}

/// <summary>A parsed script: its commands and every comment, both in source order.</summary>
/// <param name="Path">The file (or a placeholder).</param>
/// <param name="Text">The script's text.</param>
/// <param name="Commands">The commands.</param>
/// <param name="Comments">All comments, with positions.</param>
public sealed record WastScript(string Path, string Text, IReadOnlyList<WastCommand> Commands, IReadOnlyList<WastComment> Comments)
{
    /// <summary>Parses a script file.</summary>
    /// <exception cref="Text.TextParseException">The script is malformed.</exception>
    public static WastScript Load(string path) => WastParser.Parse(File.ReadAllText(path), path);

    /// <summary>Parses script text.</summary>
    /// <exception cref="Text.TextParseException">The script is malformed.</exception>
    public static WastScript Parse(string text, string path = "<script>") => WastParser.Parse(text, path);
}
