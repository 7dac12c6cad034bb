using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Reading;

public sealed partial class ModuleReader
{
    private void ReadCustom(ref WasmReader r, ReadOnlyMemory<byte> raw, SectionId after)
    {
        r.Section = "custom";
        var name = r.ReadName();
        var content = r.ReadBytes(r.Remaining);
        _module.CustomSections.Add(new CustomSection(name, content, after) { Raw = raw });
        // Engines ignore a name section they cannot decode, so we keep it verbatim instead of failing.
        if (name == "name" && _names is null) _names = NameSectionReader.TryRead(content, r.FileOffset + r.Position - content.Length);
    }
}
