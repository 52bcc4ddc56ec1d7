namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// How both Kafka images turn an environment variable into a broker property: strip <c>KAFKA_</c>, lower-case, then
/// '___' is '-', '__' is '_' and '_' is '.' (apache/kafka's KafkaDockerWrapper.getServerConfigsFromEnv and Confluent's
/// dub env_to_props, the same rule). Pure.
/// </summary>
public static class KafkaEnvironmentProperties
{
    /// <summary>The property a KAFKA_* variable becomes ("KAFKA_ADVERTISED_LISTENERS" is "advertised.listeners").</summary>
    public static string PropertyOf(string variable, string prefix = "KAFKA_")
    {
        ArgumentNullException.ThrowIfNull(variable);
        var raw = variable[prefix.Length..].ToLowerInvariant();
        return string.Join('-', raw.Split("___").Select(dash => string.Join('_', dash.Split("__").Select(u => u.Replace('_', '.')))));
    }
}
