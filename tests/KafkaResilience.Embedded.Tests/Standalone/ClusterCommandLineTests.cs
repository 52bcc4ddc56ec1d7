using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded.Standalone;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Standalone;

public sealed class ClusterCommandLineTests
{
    [Fact]
    public void No_arguments_give_the_seed_brokers_behind_proxies()
    {
        var command = ClusterCommandLine.Parse([]);

        command.ShowHelp.Should().BeFalse();
        command.Options.BrokerIds.Should().Equal(105, 106, 108);
        command.Options.UseFaultProxy.Should().BeTrue();
        command.Options.Topics.Should().BeEmpty();
    }

    [Fact]
    public void Brokers_topics_and_delay_are_read()
    {
        var command = ClusterCommandLine.Parse(["--brokers", "1,2,3", "--topic", "q_1:3:3", "--topic", "t:1:1", "--detection-delay", "500ms", "--toxiproxy-port", "8474"]);

        command.Options.BrokerIds.Should().Equal(1, 2, 3);
        command.Options.Topics.Should().Equal(new TopicSpec("q_1", 3, 3), new TopicSpec("t", 1, 1));
        command.Options.DetectionDelay.Should().Be(TimeSpan.FromMilliseconds(500));
        command.Options.ToxiproxyApiPort.Should().Be(8474);
    }

    [Theory]
    [InlineData("3s", 3000)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120000)]
    [InlineData("0", 0)]
    public void Durations_take_ms_s_and_m(string text, int milliseconds) =>
        ClusterCommandLine.ParseDuration(text, "--detection-delay").Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData(new[] { "--brokers", "105,x" }, "comma-separated non-negative integers")]
    [InlineData(new[] { "--topic", "q_1:3" }, "NAME:PARTITIONS:REPLICATION_FACTOR")]
    [InlineData(new[] { "--topic", "q_1:3:4" }, "Replication factor must be between 1 and the broker count (3)")]
    [InlineData(new[] { "--detection-delay", "3h" }, "unit ms, s or m")]
    [InlineData(new[] { "--brokers" }, "needs a value")]
    [InlineData(new[] { "--bogus" }, "Allowed: --brokers")]
    public void Bad_arguments_say_what_is_allowed(string[] args, string allowed) =>
        FluentActions.Invoking(() => ClusterCommandLine.Parse(args)).Should().Throw<ArgumentException>().Which.Message.Should().Contain(allowed);

    [Fact]
    public async Task Bad_arguments_exit_with_code_2_and_a_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await StandaloneCluster.RunAsync(["--brokers", "105,105"], output, error, TestContext.Current.CancellationToken);

        code.Should().Be(StandaloneCluster.ExitBadArguments);
        error.ToString().Should().Contain("BrokerIds must be distinct");
    }
}
