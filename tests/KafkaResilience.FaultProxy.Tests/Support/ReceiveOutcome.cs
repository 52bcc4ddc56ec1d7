namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>What a receive on a proxied client socket observed.</summary>
internal enum ReceiveOutcome
{
    Data,
    Closed,
    Reset,
    Nothing,
}
