namespace KafkaResilience.Targets.External;

/// <summary>The external cluster (or its Toxiproxy) did not answer within the connect timeout; the message names the address tried.</summary>
public sealed class ExternalClusterUnreachableException : Exception
{
    public ExternalClusterUnreachableException(string message)
        : base(message)
    {
    }
}
