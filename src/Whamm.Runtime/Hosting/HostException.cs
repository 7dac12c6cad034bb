namespace Whamm.Runtime.Hosting;

/// <summary>
/// The application could not be started: the binding cannot represent its imports or exports, an
/// import is missing, a preopened directory does not exist, a memory's initial size exceeds the limit.
/// The message is one line for the user.
/// </summary>
public sealed class HostException(string message, RunLimit? limit = null) : Exception(message)
{
    /// <summary>The limit that refused the instantiation, if that was the reason.</summary>
    public RunLimit? Limit { get; } = limit;
}
