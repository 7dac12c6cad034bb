using Whamm.Wasm.Editing;

namespace Whamm.Instrumentation.State;

internal static class CoreLinking
{
    public static CoreBinding Link(ModuleEditor editor) => throw new NotImplementedException("TEMP");
}
