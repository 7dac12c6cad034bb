using System.CommandLine;
using Whamm.Runtime;
using Whamm.Runtime.Text;

namespace Whamm.Cli.Commands;

/// <summary><c>whamm assemble FILE.wat [-o out.wasm]</c>: WebAssembly text to a binary module.</summary>
public static class AssembleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A module in the text format (.wat)" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the binary (default: FILE with the extension .wasm; '-' for standard output)",
        };
        var command = new Command("assemble", "Turn a WebAssembly text module into a binary (.wasm); `whamm validate` checks the result")
        {
            file, output,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string path, string? output)
    {
        if (ModuleInput.ReadBytes(path, out var error) is not { } bytes)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }
        byte[] binary;
        try
        {
            // Binary input is already assembled: it is written out unchanged.
            binary = ModuleLoader.ToBinary(bytes, path);
        }
        catch (TextParseException e)
        {
            Console.Error.WriteLine(e.Diagnostic.Render());
            return ExitCodes.UserError;
        }
        if (output == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(binary);
            return ExitCodes.Ok;
        }
        var target = output ?? DefaultOutput(path);
        if (Path.GetFullPath(target) == Path.GetFullPath(path))
        {
            Console.Error.WriteLine($"{path}: error: the output would overwrite the input; name another with -o");
            return ExitCodes.UserError;
        }
        var writeError = ModuleInput.WriteAtomically(target, stream => stream.Write(binary));
        if (writeError is null) return ExitCodes.Ok;
        Console.Error.WriteLine(writeError);
        return ExitCodes.UserError;
    }

    /// <summary><c>app.wat</c> → <c>app.wasm</c>; any other name gets <c>.wasm</c> appended.</summary>
    private static string DefaultOutput(string path) =>
        Path.GetExtension(path).Equals(".wat", StringComparison.OrdinalIgnoreCase) ? Path.ChangeExtension(path, ".wasm") : path + ".wasm";
}
