using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Cluster.Admin;

/// <summary>
/// Reads the active controller from <c>kafka-metadata-quorum.sh describe --status</c> output
/// ("LeaderId: 106"). Needed because in KRaft a broker's Metadata/DescribeCluster answer names a
/// random live broker as "controller", not the active controller; the quorum leader is the real one.
/// </summary>
public static partial class MetadataQuorumStatus
{
    /// <summary>The command run inside a Kafka container (the controller listener is local to it).</summary>
    public static IReadOnlyList<string> Command(int controllerPort) =>
        ["/opt/kafka/bin/kafka-metadata-quorum.sh", "--bootstrap-controller", $"localhost:{controllerPort}", "describe", "--status"];

    /// <summary>The quorum leader id, or null when the output names none (e.g. -1 during an election).</summary>
    public static int? ParseLeaderId(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = LeaderIdPattern().Match(output);
        if (!match.Success)
            return null;
        var id = int.Parse(match.Groups["id"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return id >= 0 ? id : null;
    }

    [GeneratedRegex(@"^\s*LeaderId:\s*(?<id>-?\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LeaderIdPattern();
}
