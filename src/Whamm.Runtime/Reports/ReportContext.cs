namespace Whamm.Runtime.Reports;

/// <summary>What a report is about, for the JSON and HTML writers.</summary>
/// <param name="Script">The monitor script, as the user named it.</param>
/// <param name="App">The application, as the user named it.</param>
/// <param name="Outcome">How the run ended, e.g. <c>exit 0</c> or <c>trap in main (fid 3, pc 17): …</c>.</param>
public sealed record ReportContext(string Script, string App, string Outcome);
