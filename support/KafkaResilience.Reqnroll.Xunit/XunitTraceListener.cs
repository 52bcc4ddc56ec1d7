using KafkaResilience.Reqnroll.Running;
using Reqnroll.BoDi;
using Xunit;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Reqnroll's step echo and tool lines in an xUnit host: each scenario row's into that row's output (see
/// <see cref="HostTraceListener"/>); a line outside any row into the output of the xUnit test running now, if any (the
/// run's start and end have none, and such a line is dropped: what matters there also fails the rows it concerns).
/// </summary>
public sealed class XunitTraceListener(IObjectContainer container) : HostTraceListener(container)
{
    protected override void WriteOutsideScenario(string line)
    {
        try
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test this line belonged to has ended.
        }
    }
}
