using KafkaResilience.Chaos.Targets;
using KafkaResilience.Gherkin;

namespace KafkaResilience.Steps;

/// <summary>
/// The <c>{broker}</c> parameter type: "broker 106", "the leader of partition 2 of \"q_1\"", "the
/// controller", "the coordinator of group \"g\"" - resolved to a broker only when the fault fires.
/// </summary>
[Binding]
public static class ParameterTypes
{
    [StepArgumentTransformation(BrokerTargetParser.Pattern, Name = "broker")]
    public static BrokerTarget Broker(string text) => BrokerTargetParser.Parse(text);
}
