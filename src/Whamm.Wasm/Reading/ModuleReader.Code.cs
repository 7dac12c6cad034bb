using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Reading;

public sealed partial class ModuleReader
{
    /// <summary>Splits the code section into lazily decoded bodies; nothing inside a body is read here.</summary>
    private void ReadCode(ref WasmReader r)
    {
        var at = r.Position;
        var count = r.ReadCount();
        if (count != (_functionCount ?? 0)) throw r.ErrorAt(at, "function and code section have inconsistent lengths");
        for (var i = 0; i < count; i++)
        {
            var size = r.ReadU32();
            if (size > r.Remaining) throw r.Error("unexpected end-of-file: function body extends past the section");
            var offset = r.CurrentOffset;
            _module.Functions.Add(new Function(_declaredTypes[i], new FunctionBody(r.ReadBytes((int)size), offset)));
        }
    }
}
