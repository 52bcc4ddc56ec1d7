using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Xunit;

[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(KafkaResilience.Reqnroll.Tests.Harness.SelfTestPlugin))]

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>
/// The tests' host plugin: the xUnit host's, with a <see cref="RecordingListener"/> of each run as its only listener
/// (every run, the self-hosted one and each harness run, gets its own plugin and so its own listener).
/// </summary>
public sealed class SelfTestPlugin : XunitHostPlugin
{
    public RecordingListener Listener { get; } = new();

    protected override IReadOnlyList<IRunListener> CreateListeners() => [Listener];
}
