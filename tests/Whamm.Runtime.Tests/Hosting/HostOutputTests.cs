using System.Text;
using Whamm.Runtime.Hosting;

namespace Whamm.Runtime.Tests.Hosting;

public class HostOutputTests
{
    private static readonly string AppPath = Path.Combine(AppRunnerTests.AppsDir, "host-output.wat");

    [Fact]
    public void HostWriterCapturesTheMonitorsBytesApartFromStdout()
    {
        var app = ModuleLoader.Load(AppPath);
        using var stdout = new MemoryStream();
        using var sink = new MemoryStream();
        var result = AppRunner.Run(app.Binary, app.Module, new RunOptions
        {
            Stdout = stdout,
            HostOutput = new HostOutputChannel("whamm:host", "write", "whamm:memory", sink),
        });
        Assert.Equal(29, result.ExitCode); // 8 bytes written, errno 0, then EFAULT (21) for the iovec outside the memory
        Assert.Equal("program\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("monitor\n", Encoding.UTF8.GetString(sink.ToArray()));
    }

    [Fact]
    public void WithoutTheChannelTheImportIsMissing()
    {
        var app = ModuleLoader.Load(AppPath);
        var e = Assert.Throws<HostException>(() => AppRunner.Run(app.Binary, app.Module, new RunOptions { Stdout = Stream.Null }));
        Assert.Contains("whamm:host", e.Message);
    }

    [Fact]
    public void WithoutTheExportedMemoryTheWriterAnswersEbadf()
    {
        var app = ModuleLoader.Load(AppPath);
        using var sink = new MemoryStream();
        var result = AppRunner.Run(app.Binary, app.Module, new RunOptions
        {
            Stdout = Stream.Null,
            HostOutput = new HostOutputChannel("whamm:host", "write", "no-such-memory", sink),
        });
        Assert.Equal(0 + 2 * 8 + 8, result.ExitCode); // nwritten untouched (0), EBADF (8) twice
        Assert.Empty(sink.ToArray());
    }
}
