namespace Whamm.Language.Semantics;

/// <summary>A user-defined function after checking.</summary>
public sealed class CheckedFunction
{
    internal CheckedFunction(FunctionSymbol symbol, SemanticModel model)
    {
        Symbol = symbol;
        Model = model;
    }

    /// <summary>The function (its <see cref="FunctionSymbol.Syntax"/> is the definition).</summary>
    public FunctionSymbol Symbol { get; }

    /// <summary>Types and symbols of the body (parameters are its first declared variables).</summary>
    public SemanticModel Model { get; }

    /// <inheritdoc/>
    public override string ToString() => Symbol.Signature;
}
