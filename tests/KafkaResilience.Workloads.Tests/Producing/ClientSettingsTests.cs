using FluentAssertions;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Producing;

public sealed class ClientSettingsTests
{
    [Fact]
    public void The_seed_java_producer_settings_are_accepted_and_buffer_memory_is_translated()
    {
        var resolved = ClientSettings.ResolveProducerSettings(new Dictionary<string, string>
        {
            ["acks"] = "all", ["retries"] = "3", ["max.in.flight.requests.per.connection"] = "1",
            ["batch.size"] = "16384", ["linger.ms"] = "1", ["buffer.memory"] = "33554432",
        });
        resolved["queue.buffering.max.kbytes"].Should().Be("32768");
        resolved.Should().NotContainKey("buffer.memory");
    }

    [Fact]
    public void An_unknown_name_is_refused_with_close_matches()
    {
        var act = () => ClientSettings.ResolveProducerSettings(new Dictionary<string, string> { ["linger.mss"] = "5" });
        act.Should().Throw<ArgumentException>().WithMessage("Unknown producer setting 'linger.mss'.*Did you mean: *linger.ms*");
    }

    [Fact]
    public void An_invalid_value_is_refused_with_the_client_reason()
    {
        var act = () => ClientSettings.ResolveProducerSettings(new Dictionary<string, string> { ["acks"] = "sometimes" });
        act.Should().Throw<ArgumentException>().WithMessage("Producer setting 'acks' = 'sometimes' is invalid:*");
    }

    [Fact]
    public void Settings_the_workload_owns_are_refused()
    {
        var act = () => ClientSettings.ResolveProducerSettings(new Dictionary<string, string> { ["bootstrap.servers"] = "x:1" });
        act.Should().Throw<ArgumentException>().WithMessage("*set by the workload itself*");
    }
}
