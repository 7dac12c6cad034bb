using System.CommandLine;
using System.Text;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Text;

namespace Whamm.Cli.Commands;

/// <summary><c>whamm print FILE [-o out.wat] [--folded]</c>: a module (binary or text) as WebAssembly text.</summary>
public static class PrintCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A module: .wasm or .wat (decided by content)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the text to this file instead of standard output" };
        var folded = new Option<bool>("--folded") { Description = "Print instructions in the folded (s-expression) form" };
        var command = new Command("print", "Print a module as WebAssembly text, with names from its name section")
        {
            file, output, folded,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(folded)));
        return command;
    }

    private static int Run(string path, string? output, bool folded)
    {
        if (ModuleInput.Load(path, out var error) is not { } loaded)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }
        var options = new WatOptions { Folded = folded };
        try
        {
            if (output is null)
            {
                using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                WatPrinter.Print(loaded.Module, stdout, options);
                return ExitCodes.Ok;
            }
            var writeError = ModuleInput.WriteAtomically(output, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                WatPrinter.Print(loaded.Module, writer, options);
            });
            if (writeError is null) return ExitCodes.Ok;
            Console.Error.WriteLine(writeError);
            return ExitCodes.UserError;
        }
        catch (WasmException e)
        {
            // Bodies are decoded while printing: a malformed one surfaces here.
            Console.Error.WriteLine(ModuleInput.BinaryError(path, e, loaded.Format == Runtime.ModuleFormat.Text));
            return ExitCodes.UserError;
        }
    }
}
