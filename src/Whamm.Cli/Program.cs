using System.CommandLine;
using Whamm.Cli;
using Whamm.Cli.Commands;

var root = new RootCommand("Whamm for .NET: performant, sandboxed instrumentation of WebAssembly.");
root.Options.Add(CliOptions.Verbose);
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(PrintCommand.Create());
root.Subcommands.Add(AssembleCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(InstrCommand.Create());
root.Subcommands.Add(WastCommand.Create());
return CliRunner.Run(root, args);
