using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// The plugin of a test that runs feature text of its own through the real steps (see <see cref="StepsHarness"/>): no
/// reports and no Cucumber formatters, so such a test never touches allure-results/ or the run's Cucumber reports.
/// </summary>
public sealed class HarnessPlugin : XunitHostPlugin
{
    protected override bool FormattersEnabled => false;

    protected override IReadOnlyList<IRunListener> CreateListeners() => [];
}
