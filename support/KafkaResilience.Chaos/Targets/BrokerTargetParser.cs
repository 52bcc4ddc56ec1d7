using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Chaos.Targets;

/// <summary>
/// Reads a broker target as features write it. <see cref="Pattern"/> is the regex steps register as
/// the <c>{broker}</c> parameter type, so every fault step accepts every kind of target.
/// </summary>
public static partial class BrokerTargetParser
{
    /// <summary>The forms a feature may use, without capture groups.</summary>
    public const string Pattern =
        "broker \\d+|the leader of partition \\d+ of \"[^\"]+\"|the controller|the coordinator of group \"[^\"]+\"";

    public static BrokerTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (SpecificForm().Match(trimmed) is { Success: true } specific)
            return new SpecificBroker(int.Parse(specific.Groups[1].Value, CultureInfo.InvariantCulture));
        if (LeaderForm().Match(trimmed) is { Success: true } leader)
            return new PartitionLeader(leader.Groups[2].Value, int.Parse(leader.Groups[1].Value, CultureInfo.InvariantCulture));
        if (trimmed == "the controller")
            return new ActiveController();
        if (CoordinatorForm().Match(trimmed) is { Success: true } coordinator)
            return new GroupCoordinator(coordinator.Groups[1].Value);
        throw new FormatException(
            $"'{text}' names no broker; write one of: broker 106 | the leader of partition 2 of \"q_1\" | the controller | the coordinator of group \"g\".");
    }

    [GeneratedRegex("^broker (\\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecificForm();

    [GeneratedRegex("^the leader of partition (\\d+) of \"([^\"]+)\"$", RegexOptions.CultureInvariant)]
    private static partial Regex LeaderForm();

    [GeneratedRegex("^the coordinator of group \"([^\"]+)\"$", RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatorForm();
}
