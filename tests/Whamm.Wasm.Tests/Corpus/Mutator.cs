namespace Whamm.Wasm.Tests.Corpus;

/// <summary>
/// Deterministic corruptions of valid modules: bit flips, byte overwrites, truncations, insertions,
/// deletions, and whole-section swaps, duplications and removals. Same seed, same mutants.
/// </summary>
public static class Mutator
{
    /// <summary>The kinds of corruption, in the order <see cref="Mutate"/> cycles through them.</summary>
    public enum Kind { BitFlip, ByteSet, Truncate, Insert, Delete, SectionSwap, SectionDuplicate, SectionRemove }

    /// <summary>Mutant number <paramref name="index"/> of <paramref name="module"/> under <paramref name="seed"/>.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] module, int seed, int index)
    {
        var rng = new Random(HashCode.Combine(seed, index, module.Length));
        var kind = (Kind)(index % 8);
        var bytes = module.ToList();
        var at = 8 + rng.Next(Math.Max(1, module.Length - 8));
        at = Math.Min(at, module.Length - 1);
        switch (kind)
        {
            case Kind.BitFlip:
                bytes[at] ^= (byte)(1 << rng.Next(8));
                return (bytes.ToArray(), $"flip a bit of byte 0x{at:x}");
            case Kind.ByteSet:
                var value = (byte)rng.Next(256);
                bytes[at] = value;
                return (bytes.ToArray(), $"set byte 0x{at:x} to 0x{value:x2}");
            case Kind.Truncate:
                return (module[..at], $"truncate at 0x{at:x}");
            case Kind.Insert:
                var inserted = new byte[1 + rng.Next(4)];
                rng.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                return (bytes.ToArray(), $"insert {Convert.ToHexString(inserted)} at 0x{at:x}");
            case Kind.Delete:
                var count = Math.Min(1 + rng.Next(4), bytes.Count - at);
                bytes.RemoveRange(at, count);
                return (bytes.ToArray(), $"delete {count} bytes at 0x{at:x}");
        }
        var sections = SplitSections(module);
        if (sections.Count < 2) return (module[..^1], "truncate the last byte (too few sections to shuffle)");
        var i = rng.Next(sections.Count);
        var j = rng.Next(sections.Count);
        var list = sections.ToList();
        string description;
        switch (kind)
        {
            case Kind.SectionSwap:
                (list[i], list[j]) = (list[j], list[i]);
                description = $"swap sections {i} and {j}";
                break;
            case Kind.SectionDuplicate:
                list.Insert(j, list[i]);
                description = $"copy section {i} before section {j}";
                break;
            default:
                list.RemoveAt(i);
                description = $"remove section {i}";
                break;
        }
        return ([.. module[..8], .. list.SelectMany(s => s)], description);
    }

    /// <summary>The raw sections of a well-formed module (id, size and payload each).</summary>
    private static List<byte[]> SplitSections(byte[] module)
    {
        var sections = new List<byte[]>();
        var pos = 8;
        while (pos < module.Length)
        {
            var start = pos++;
            ulong size = 0;
            for (var shift = 0; pos < module.Length; shift += 7)
            {
                var b = module[pos++];
                size |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
            }
            var end = (int)Math.Min((ulong)module.Length, (ulong)pos + size);
            sections.Add(module[start..end]);
            pos = end;
        }
        return sections;
    }
}
