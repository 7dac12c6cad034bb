using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

internal sealed partial class BodyChecker
{
    /// <summary>
    /// Checks a call: a function by name (user, built-in or bound), a library function <c>lib.f(…)</c>
    /// (optionally <c>@static</c> or <c>@init</c>), or a method of a <c>str</c> value.
    /// </summary>
    private WhammType CheckCall(CallExpressionSyntax call)
    {
        var function = ResolveCallee(call);
        if (function is null)
        {
            foreach (var a in call.Arguments) Check(a, null);
            return WhammType.Error;
        }
        symbols[call] = function;

        if (function.FunctionKind == FunctionKind.User && kind == BodyKind.Global)
            Report(CheckDiagnostics.UserFunctionAtGlobalScope, call.Span);
        CheckRestriction(function, call);

        // @static arguments are evaluated at compile time; @init ones once per match site at initialization.
        var argumentRestriction = call.Annotation switch
        {
            CallAnnotation.Static => Restriction.CompileTime,
            CallAnnotation.Init when kind == BodyKind.Probe => Restriction.InitTime,
            _ => Restriction.None,
        };
        return WithRestriction(argumentRestriction, () =>
        {
            CheckArguments(call, function);
            return function.LibraryFunction is { IsSupported: false } ? WhammType.Error : function.ReturnType;
        });
    }

    private FunctionSymbol? ResolveCallee(CallExpressionSyntax call)
    {
        var name = call.Name.Text;
        if (call.Name.IsMissing) return null;
        if (call.Receiver is null)
        {
            var symbol = Lookup(name);
            switch (symbol)
            {
                case FunctionSymbol f:
                    return f;
                case null:
                    ReportNotFound(name, call.Name.Span);
                    return null;
                case VariableSymbol v:
                    Report(CheckDiagnostics.NotAFunction, call.Name.Span, name, $"a variable of type `{v.Type}`");
                    return null;
                default:
                    Report(CheckDiagnostics.NotAFunction, call.Name.Span, name, "a library");
                    return null;
            }
        }

        if (call.Receiver is NameExpressionSyntax receiverName && !receiverName.Name.IsMissing)
        {
            var receiver = receiverName.Name.Text;
            var symbol = Lookup(receiver);
            if (symbol is LibrarySymbol library)
            {
                symbols[receiverName] = library;
                Record(receiverName, WhammType.Library);
                if (script.MissingLibraries.Contains(receiver)) return null;
                if (library.Signatures.Find(name) is not { } export)
                {
                    Report(CheckDiagnostics.UnknownLibraryFunction, call.Name.Span, receiver, name);
                    return null;
                }
                if (export.UnsupportedReason is { } reason)
                    Report(CheckDiagnostics.UnsupportedLibraryFunction, call.Name.Span, receiver, name, reason);
                return script.LibraryFunction(library, export);
            }
            if (symbol is null && script.Options.UserLibs.ContainsKey(receiver))
            {
                Report(CheckDiagnostics.LibraryNotImported, receiverName.Span, receiver);
                return null;
            }
        }

        // A method of a value.
        if (call.Annotation != CallAnnotation.None)
        {
            Report(CheckDiagnostics.AnnotationNeedsLibrary, call.AnnotationSpan, SyntaxFacts.GetText(call.Annotation), Short(call.Receiver));
            Check(call.Receiver, null);
            return null;
        }
        var type = Check(call.Receiver, null);
        if (type.IsError) return null;
        if (type == WhammType.Str && ScriptContext.StringMethods.TryGetValue(name, out var method)) return method;
        var known = type == WhammType.Str ? " (the methods of `str` are len, addr, starts_with, ends_with and contains)" : "";
        Report(CheckDiagnostics.UnknownMethod, call.Name.Span, type, name, known);
        return null;
    }

    private void CheckArguments(CallExpressionSyntax call, FunctionSymbol function)
    {
        var parameters = function.Parameters;
        var arguments = call.Arguments;
        if (function.LibraryFunction is { IsSupported: false })
        {
            foreach (var a in arguments) Check(a, null);
            return;
        }
        if (arguments.Count != parameters.Count)
        {
            var span = arguments.Count > parameters.Count
                ? arguments[parameters.Count].Span.Cover(arguments[^1].Span)
                : call.Span;
            Report(CheckDiagnostics.ArgumentCount, span, function.DisplayName, parameters.Count, parameters.Count == 1 ? "" : "s",
                arguments.Count, arguments.Count == 1 ? "was" : "were");
        }
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (i >= parameters.Count)
            {
                Check(argument, null);
                continue;
            }
            var expected = parameters[i].Type;
            var actual = Check(argument, expected);
            if (expected.Kind == WhammTypeKind.Library)
            {
                CheckLibraryArgument(argument, actual);
                continue;
            }
            if (actual.IsAssignableTo(expected)) continue;
            // A library's parameters are Wasm types: any integer (or bool) with the same Wasm representation passes as is.
            if (function.FunctionKind == FunctionKind.Library && (actual.IsInteger || actual == WhammType.Bool)
                && actual.WasmTypes.SequenceEqual(expected.WasmTypes))
                continue;
            var hint = (actual.IsNumeric || actual == WhammType.Bool) && expected.IsNumeric ? $" (add an explicit cast: `… as {expected}`)" : "";
            Report(CheckDiagnostics.ArgumentType, argument.Span, expected, i, function.DisplayName, actual, hint);
        }
    }

    /// <summary>The argument of <c>memid</c>: a library that exports a memory.</summary>
    private void CheckLibraryArgument(ExpressionSyntax argument, WhammType actual)
    {
        if (actual.IsError) return;
        if (actual.Kind != WhammTypeKind.Library)
        {
            Report(CheckDiagnostics.ArgumentType, argument.Span, "lib", 0, "memid", actual, " (name a library, e.g. `memid(whamm_core)`)");
            return;
        }
        if (symbols.GetValueOrDefault(argument) is LibrarySymbol library && !script.MissingLibraries.Contains(library.Name)
            && library.Signatures.MemoryExport is null)
        {
            Report(CheckDiagnostics.LibraryHasNoMemory, argument.Span, library.Name);
        }
    }
}
