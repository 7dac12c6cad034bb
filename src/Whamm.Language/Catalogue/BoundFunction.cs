using Whamm.Language.Semantics;
namespace Whamm.Language.Catalogue;

/// <summary>A parameter of a <see cref="BoundFunction"/>.</summary>
/// <param name="Name">The parameter name (for documentation).</param>
/// <param name="Type">Its type.</param>
public sealed record FunctionParameter(string Name, WhammType Type)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Type}";
}

/// <summary>
/// A function the compiler provides to probes at some level of the catalogue (e.g. <c>drop_args()</c>
/// on every opcode event, <c>alt_call_by_id(func_id: i32)</c> on calls), or a Whamm-level built-in.
/// </summary>
public sealed class BoundFunction
{
    /// <summary>Creates a function.</summary>
    /// <param name="name">The name called in scripts.</param>
    /// <param name="parameters">Parameters in order.</param>
    /// <param name="result">The result type; <see cref="WhammType.Unit"/> when it returns nothing.</param>
    /// <param name="doc">Documentation for <c>whamm info</c>.</param>
    /// <param name="isStatic">True when every call is evaluated at compile time (folded).</param>
    public BoundFunction(string name, IReadOnlyList<FunctionParameter> parameters, WhammType result, string doc, bool isStatic = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(doc);
        Name = name;
        Parameters = parameters;
        Result = result;
        Doc = doc;
        IsStatic = isStatic;
    }

    /// <summary>The name called in scripts.</summary>
    public string Name { get; }

    /// <summary>Parameters in order.</summary>
    public IReadOnlyList<FunctionParameter> Parameters { get; }

    /// <summary>The result type (<see cref="WhammType.Unit"/> for none).</summary>
    public WhammType Result { get; }

    /// <summary>True when calls are evaluated at compile time (e.g. <c>page_size</c>).</summary>
    public bool IsStatic { get; }

    /// <summary>The documentation shown by <c>whamm info</c>.</summary>
    public string Doc { get; }

    /// <summary>The signature as <c>whamm info</c> prints it: <c>name(p: T, …) -&gt; R</c>.</summary>
    public string Signature => $"{Name}({string.Join(", ", Parameters)}) -> {Result}";

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
