using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Contracts;

/// <summary>One entry of <c>controller.quorum.voters</c>: "{id}@{host}:{port}".</summary>
public sealed partial record KafkaQuorumVoter(int Id, string Host, int Port)
{
    /// <summary>Parses the comma-separated voter list; null when an entry is not {id}@{host}:{port}.</summary>
    public static IReadOnlyList<KafkaQuorumVoter>? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var voters = new List<KafkaQuorumVoter>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = VoterPattern().Match(entry);
            if (!match.Success)
                return null;
            voters.Add(new KafkaQuorumVoter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value,
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)));
        }
        return voters;
    }

    public override string ToString() => $"{Id}@{Host}:{Port}";

    [GeneratedRegex(@"^(\d+)@([^:@\s]+):(\d+)$")]
    private static partial Regex VoterPattern();
}
