namespace Whamm.Wasm.Tests;

/// <summary>Turns WAT test inputs into binaries with Wasmtime's reference text parser.</summary>
public static class TestWat
{
    /// <summary>The binary for <paramref name="wat"/>.</summary>
    public static byte[] ToWasm(string wat) => Wasmtime.Module.ConvertText(wat).ToArray();
}
