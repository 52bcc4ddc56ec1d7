namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>
/// What to create (or populate) in Toxiproxy: a named proxy from <see cref="Listen"/> to
/// <see cref="Upstream"/>. Listen "host:0" lets the server choose a port.
/// </summary>
/// <param name="Name">Unique proxy name.</param>
/// <param name="Listen">host:port to listen on (e.g. "127.0.0.1:0", or "0.0.0.0:8666" inside a container).</param>
/// <param name="Upstream">host:port to forward to.</param>
/// <param name="Enabled">Whether the proxy accepts connections once created.</param>
public sealed record ToxiproxyProxySpec(string Name, string Listen, string Upstream, bool Enabled = true)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("ToxiproxyProxySpec.Name is empty: give the proxy a name.", nameof(Name));
        }

        ValidateAddress(Listen, nameof(Listen));
        ValidateAddress(Upstream, nameof(Upstream));
    }

    internal static void ValidateAddress(string? value, string field)
    {
        var separator = value?.LastIndexOf(':') ?? -1;
        if (string.IsNullOrWhiteSpace(value) || separator < 0 || separator == value.Length - 1
            || !int.TryParse(value.AsSpan(separator + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port > 65535)
        {
            throw new ArgumentException(
                $"ToxiproxyProxySpec.{field} '{value}' is not host:port with a port 0..65535.", field);
        }
    }
}
