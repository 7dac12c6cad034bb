using System.Globalization;
using System.Text.RegularExpressions;

namespace Whamm.Language.Tests.Catalogue;

/// <summary>One expected bound variable from the reference table.</summary>
internal sealed record ExpectedVar(string Name, string Type, bool IsStatic, string? DerivedFrom);

/// <summary>One of Whamm 1.0's opcode events as reference §2.6 lists it.</summary>
internal sealed record ExpectedEvent(
    string Name, string OpName, uint Bytecode, int? DataSize, string Category,
    IReadOnlyList<ExpectedVar> Vars, IReadOnlyList<string> Functions, IReadOnlyList<(string Name, string Definition)> Modes)
{
    public override string ToString() => Name;
}

/// <summary>
/// Parses <c>Data/reference-opcode-events.md</c>, a verbatim copy of the §2.6 table: the expected
/// catalogue, independent of the code under test.
/// </summary>
internal static partial class ReferenceTable
{
    public static IReadOnlyList<ExpectedEvent> Events { get; } = Load();

    private static IReadOnlyList<ExpectedEvent> Load()
    {
        var events = new List<ExpectedEvent>();
        foreach (var line in File.ReadLines(CatalogueData.PathOf("reference-opcode-events.md")))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| events", StringComparison.Ordinal)) continue;
            var cells = line.Split('|');
            if (cells.Length != 8) throw new FormatException($"expected 6 cells: {line}");
            var (category, dynamicVars, staticVars, fns, modes) = (cells[2].Trim(), cells[3].Trim(), cells[4].Trim(), cells[5].Trim(), cells[6].Trim());
            foreach (var item in cells[1].Split(", "))
            {
                var m = EventItem().Match(item.Trim());
                if (!m.Success) throw new FormatException($"bad event item '{item}'");
                int? dataSize = m.Groups["ds"].Success ? int.Parse(m.Groups["ds"].Value, CultureInfo.InvariantCulture) : null;
                var name = m.Groups["name"].Value;
                events.Add(new ExpectedEvent(
                    name,
                    m.Groups["opname"].Success ? m.Groups["opname"].Value : name,
                    uint.Parse(m.Groups["code"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    dataSize,
                    category,
                    [.. ParseVars(dynamicVars, isStatic: false, dataSize), .. ParseVars(staticVars, isStatic: true, dataSize)],
                    fns.Length == 0 ? [] : fns.Split("; ").Select(f => f.Trim()).ToArray(),
                    ParseModes(modes)));
            }
        }
        return events;
    }

    private static IEnumerable<ExpectedVar> ParseVars(string cell, bool isStatic, int? dataSize)
    {
        if (cell.Length == 0) yield break;
        foreach (var raw in cell.Split("; "))
        {
            var item = raw.Trim();
            var memarg = MemArg().Match(item);
            if (memarg.Success)
            {
                var addr = memarg.Groups["addr"].Value;
                yield return new ExpectedVar("addr", "u32", false, addr);
                yield return new ExpectedVar("effective_addr", "u32", false, "addr + offset as u32");
                yield return new ExpectedVar("offset", "u64", true, null);
                yield return new ExpectedVar("align", "u32", true, null);
                yield return new ExpectedVar("memory", "u32", true, null);
                yield return new ExpectedVar("is_write", "bool", true, memarg.Groups["write"].Value);
                if (dataSize is { } ds) yield return new ExpectedVar("data_size", "u32", true, ds.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var m = VarItem().Match(item);
            if (!m.Success) throw new FormatException($"bad variable item '{item}'");
            yield return new ExpectedVar(m.Groups["name"].Value, m.Groups["type"].Value.Replace(" ", ""), isStatic,
                m.Groups["expr"].Success ? m.Groups["expr"].Value : null);
        }
    }

    private static (string, string)[] ParseModes(string cell) => cell == "B/A/X"
        ? [("before", "before"), ("after", "after"), ("alt", "alt")]
        : cell.Split(',').Select(m => m.Split('→') is [var def, var alias] ? (alias, def) : (m, m)).ToArray();

    [GeneratedRegex(@"^(?<name>\S+)(?: \[opname ""(?<opname>\S+)""\])? 0x(?<code>[0-9a-f]+)(?: ds(?<ds>\d+))?$")]
    private static partial Regex EventItem();

    [GeneratedRegex(@"^MEMARG\(addr=(?<addr>arg\d), is_write=(?<write>true|false)\)$")]
    private static partial Regex MemArg();

    [GeneratedRegex(@"^(?<name>[a-z_][a-z0-9_]*(?:\[0:9\]\+)?):(?<type>[^=`]+?)(?:=`(?<expr>[^`]*)`)?$")]
    private static partial Regex VarItem();
}
