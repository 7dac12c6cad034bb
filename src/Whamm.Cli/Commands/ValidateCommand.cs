using System.CommandLine;
using Whamm.Runtime;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Validation;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm validate FILE…</c>: reads and validates each module, binary or text (decided by content),
/// one line per file. Text that does not parse is reported as <c>FILE:LINE:COL: error: …</c>.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "WebAssembly modules to check (.wasm or .wat)",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check that modules are well-formed and valid; exit 0 when all are, 1 otherwise") { files };
        command.SetAction(parse =>
        {
            var allValid = true;
            foreach (var file in parse.GetValue(files)!)
            {
                var verdict = Check(file);
                allValid &= verdict is null;
                Console.WriteLine(verdict ?? $"{file}: ok");
            }
            return allValid ? ExitCodes.Ok : ExitCodes.UserError;
        });
        return command;
    }

    /// <summary>Null when the file is a valid module, else the line to print.</summary>
    private static string? Check(FileInfo file)
    {
        var path = file.ToString();
        if (ModuleInput.Load(path, out var error) is not { } loaded)
        {
            // A text error's first line is FILE:LINE:COL: error: …; the source excerpt is for print/assemble.
            return error!.Split('\n', 2)[0];
        }
        try
        {
            ModuleValidator.Validate(loaded.Module);
            return null;
        }
        catch (WasmException e)
        {
            return ModuleInput.BinaryError(path, e, loaded.Format == ModuleFormat.Text);
        }
    }
}
