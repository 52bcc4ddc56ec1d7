using FluentAssertions;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

/// <summary>Consumer settings the client refuses stop the workload before any consumer starts, naming the setting.</summary>
public sealed class ConsumerSettingsTests
{
    [Fact]
    public void An_unknown_setting_is_refused_with_the_closest_known_names()
    {
        var act = () => ConsumerWorkload.Start("127.0.0.1:1", new ConsumerWorkloadOptions
        {
            Topic = "t", Settings = new Dictionary<string, string> { ["fetch.wait.max.mss"] = "50" },
        }, new HistoryLedger());

        act.Should().Throw<ArgumentException>().WithMessage("Consumer settings refused by the client: *fetch.wait.max.mss*Did you mean: fetch.wait.max.ms*");
    }

    [Fact]
    public void A_bad_value_is_refused_naming_the_setting()
    {
        var act = () => ConsumerWorkload.Start("127.0.0.1:1", new ConsumerWorkloadOptions
        {
            Topic = "t", Settings = new Dictionary<string, string> { ["fetch.wait.max.ms"] = "soon" },
        }, new HistoryLedger());

        act.Should().Throw<ArgumentException>().WithMessage("Consumer settings refused by the client: *fetch.wait.max.ms*");
    }
}
