namespace Whamm.Wasm.Model;

/// <summary>What an import or export refers to, valued by its encoding byte.</summary>
public enum ExternalKind : byte
{
#pragma warning disable CS1591
    Func = 0, Table = 1, Memory = 2, Global = 3, Tag = 4,
#pragma warning restore CS1591
}
