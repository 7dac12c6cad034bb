using System.CommandLine;

namespace Whamm.Cli;

/// <summary>Exit codes of the <c>whamm</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>A user error: bad arguments, missing files, invalid or malformed input.</summary>
    public const int UserError = 1;
    /// <summary>An internal error (a bug in whamm).</summary>
    public const int InternalError = 2;
}

/// <summary>Options shared by every command.</summary>
public static class CliOptions
{
    /// <summary>Show stack traces of internal errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show details of internal errors, including stack traces",
        Recursive = true,
    };
}

/// <summary>Runs the command line; turns anything unexpected into exit code 2 without a stack trace unless <c>--verbose</c>.</summary>
public static class CliRunner
{
    /// <summary>Parses and invokes.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        try
        {
            var code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            // System.CommandLine reports its own parse errors with exit code 1.
            return code;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"whamm: internal error: {e.Message}");
            if (parse.GetValue(CliOptions.Verbose)) Console.Error.WriteLine(e);
            else Console.Error.WriteLine("(run with --verbose for details)");
            return ExitCodes.InternalError;
        }
    }
}
