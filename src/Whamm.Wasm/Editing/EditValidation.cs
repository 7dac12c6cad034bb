using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Editing;

/// <summary>
/// An edited module failed validation. Says where: the function (index and name-section name) and the offset
/// of the offending instruction within its body (the <see cref="Instructions.Instruction.Offset"/> convention), or
/// the module-level section.
/// </summary>
public sealed class EditValidationException : Exception
{
    internal EditValidationException(string message, WasmException inner, uint? functionIndex, string? functionName, int? bodyOffset)
        : base(message, inner)
    {
        FunctionIndex = functionIndex;
        FunctionName = functionName;
        BodyOffset = bodyOffset;
        Error = inner;
    }

    /// <summary>The invalid function's index, or null for a module-level error.</summary>
    public uint? FunctionIndex { get; }
    /// <summary>The invalid function's name from the name section, if any.</summary>
    public string? FunctionName { get; }
    /// <summary>Offset of the offending instruction from the start of the function body, or null.</summary>
    public int? BodyOffset { get; }
    /// <summary>The validator's error.</summary>
    public WasmException Error { get; }

    internal static EditValidationException ForFunction(Module module, int definedIndex, WasmException error)
    {
        var funcIndex = (uint)(module.ImportedFunctionCount + definedIndex);
        var name = module.FunctionName(funcIndex);
        var body = module.Functions[definedIndex].Body;
        var relative = error.Offset - body.FileOffset;
        int? offset = relative >= 0 && relative <= body.Length ? (int)relative : null;
        var where = $"function {funcIndex}{(name is null ? "" : $" ({name})")}" + (offset is { } o ? $" at body offset {o} (0x{o:x})" : "");
        return new EditValidationException($"edited module is invalid: {where}: {error.Reason}", error, funcIndex, name, offset);
    }

    internal static EditValidationException ForModule(WasmException error) =>
        new($"edited module is invalid{(error.Section is null ? "" : $" ({error.Section} section)")}: {error.Reason}", error, null, null, null);
}

/// <summary>Validation of an edited module: the module-level parts, then the given defined functions in parallel.</summary>
internal static class EditValidation
{
    public static void Validate(Module module, Feature features, IReadOnlyCollection<int>? definedFunctions, bool moduleLevel)
    {
        if (moduleLevel && ModuleValidator.TryValidate(DeclarationsOnly(module), features) is { } declarationError)
            throw EditValidationException.ForModule(declarationError);
        ValidationContext context;
        try
        {
            context = new ValidationContext(module, features);
        }
        catch (WasmException e)
        {
            throw EditValidationException.ForModule(e);
        }
        var indices = definedFunctions is null ? Enumerable.Range(0, module.Functions.Count).ToArray() : definedFunctions.Order().ToArray();
        var failures = new WasmException?[indices.Length];
        var imported = (uint)module.ImportedFunctionCount;
        void Range(FunctionValidator v, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                try
                {
                    ValidateFunction(v, module, imported + (uint)indices[i]);
                }
                catch (WasmException e)
                {
                    failures[i] = e;
                }
            }
        }
        if (indices.Length < 64)
        {
            Range(new FunctionValidator(context), 0, indices.Length);
        }
        else
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, indices.Length, Math.Max(16, indices.Length / 64)),
                () => new FunctionValidator(context), (range, _, v) =>
                {
                    Range(v, range.Item1, range.Item2);
                    return v;
                }, _ => { });
        }
        for (var i = 0; i < failures.Length; i++)
        {
            if (failures[i] is { } e) throw EditValidationException.ForFunction(module, indices[i], e);
        }
    }

    private static void ValidateFunction(FunctionValidator v, Module module, uint funcIndex)
    {
        v.Begin(funcIndex);
        var reader = module.Functions[(int)(funcIndex - (uint)module.ImportedFunctionCount)].Body.Instructions();
        while (!reader.AtEnd) v.Step(reader.Read());
        v.Finish();
    }

    /// <summary>
    /// The module with every body replaced by <c>unreachable</c> (valid for any function type), so that the
    /// module validator checks the declarations, segments, exports and initialisers without the bodies.
    /// </summary>
    private static Module DeclarationsOnly(Module m)
    {
        var stub = new InstructionBuilder().Unreachable().ToFunctionBody();
        _ = stub.CodeOffset; // decode once, before it is shared across threads
        var copy = new Module { Start = m.Start, HasDataCount = m.HasDataCount, Names = m.Names };
        copy.RecGroups.AddRange(m.RecGroups);
        copy.Imports.AddRange(m.Imports);
        copy.Tables.AddRange(m.Tables);
        copy.Memories.AddRange(m.Memories);
        copy.Tags.AddRange(m.Tags);
        copy.Globals.AddRange(m.Globals);
        copy.Exports.AddRange(m.Exports);
        copy.Elements.AddRange(m.Elements);
        copy.Data.AddRange(m.Data);
        copy.Functions.AddRange(m.Functions.Select(f => new Function(f.TypeIndex, stub)));
        return copy;
    }
}
