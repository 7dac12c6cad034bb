using System.CommandLine;
using Whamm.Language.Catalogue;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm info --rule RULE [-v] [-f]</c>: the event catalogue entries a probe rule matches (globs
/// allowed, e.g. <c>wasm:opcode:br*:*</c>) with their documentation; <c>-v</c> adds the bound variables
/// and <c>-f</c> the bound functions, plus the core Whamm built-ins (reference §5). Exit 1 when the rule
/// matches nothing.
/// </summary>
public static class InfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var rule = new Option<string>("--rule", "-r")
        {
            Description = "A probe rule, e.g. 'wasm:opcode:br*:*' or 'wasm:func'",
            Required = true,
        };
        var vars = new Option<bool>("--vars", "-v") { Description = "Also list the variables each match binds" };
        var functions = new Option<bool>("--functions", "-f") { Description = "Also list the functions each match binds" };
        var command = new Command("info", "Show what a probe rule matches in the event catalogue, with documentation")
        {
            rule, vars, functions,
        };
        command.SetAction(parse =>
        {
            var result = CatalogueInfo.Format(parse.GetValue(rule)!, parse.GetValue(vars), parse.GetValue(functions));
            if (result.Error is { } error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return ExitCodes.UserError;
            }
            Console.Out.Write(result.Text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
