using FluentAssertions;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Targets.Tests.Admin;

public sealed class MetadataQuorumStatusTests
{
    private const string Status = """
        ClusterId:              5L6g3nShT-eMCtK--X86sw
        LeaderId:               106
        LeaderEpoch:            4
        HighWatermark:          1234
        MaxFollowerLag:         0
        MaxFollowerLagTimeMs:   0
        CurrentVoters:          [{"id": 105, "directoryId": null, "endpoints": ["CONTROLLER://kafka-105:9093"]}]
        CurrentObservers:       []
        """;

    [Fact]
    public void The_leader_id_line_names_the_active_controller()
    {
        MetadataQuorumStatus.ParseLeaderId(Status).Should().Be(106);
    }

    [Theory]
    [InlineData("LeaderId: -1\nLeaderEpoch: 5")]
    [InlineData("Error while describing the quorum")]
    [InlineData("")]
    public void No_leader_or_no_status_is_null(string output)
    {
        MetadataQuorumStatus.ParseLeaderId(output).Should().BeNull();
    }

    [Fact]
    public void The_command_asks_the_local_controller_listener()
    {
        MetadataQuorumStatus.Command(9093).Should().Equal(
            "/opt/kafka/bin/kafka-metadata-quorum.sh", "--bootstrap-controller", "localhost:9093", "describe", "--status");
    }
}
