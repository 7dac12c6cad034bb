using System.CommandLine;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;

namespace Whamm.Cli.Commands;

/// <summary><c>whamm validate FILE…</c>: reads and validates each module, one line per file.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "WebAssembly binaries to check",
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
                Console.WriteLine($"{file}: {verdict ?? "ok"}");
            }
            return allValid ? ExitCodes.Ok : ExitCodes.UserError;
        });
        return command;
    }

    /// <summary>Null when the file is a valid module, else the reason it is not.</summary>
    private static string? Check(FileInfo file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"error: cannot read file: {e.Message}";
        }
        try
        {
            ModuleValidator.Validate(ModuleReader.Read(bytes));
            return null;
        }
        catch (WasmException e)
        {
            var where = e.Section is null ? "" : $" ({e.Section} section)";
            return $"error at offset 0x{e.Offset:x}: {e.Reason}{where}";
        }
    }
}
