namespace KafkaResilience.Targets.Selection;

/// <summary>
/// A target setting is invalid (unknown target name, malformed bootstrap list, SASL without a password...).
/// The message names the variable and what it allows; the run should stop, not skip, because a typo
/// must not silently turn into "everything skipped".
/// </summary>
public sealed class TargetConfigurationException : Exception
{
    public TargetConfigurationException(string message)
        : base(message)
    {
    }

    public TargetConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
