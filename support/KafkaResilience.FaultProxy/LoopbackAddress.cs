using System.Globalization;
using System.Net;

namespace KafkaResilience.FaultProxy;

/// <summary>Parses host:port strings and admits only loopback hosts (127.0.0.0/8, ::1, localhost).</summary>
internal static class LoopbackAddress
{
    public static bool TryResolveHost(string? host, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var trimmed = host.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            trimmed = trimmed[1..^1];
        }

        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        if (IPAddress.TryParse(trimmed, out var parsed) && IPAddress.IsLoopback(parsed))
        {
            address = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Parses "host:port" or "[v6]:port"; an empty host means 127.0.0.1 (we never bind all interfaces).</summary>
    public static bool TryParseEndpoint(string? value, string field, out IPEndPoint endpoint, out string error)
    {
        endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"{field} is empty: expected host:port with a loopback host";
            return false;
        }

        var separator = value.LastIndexOf(':');
        if (separator < 0 || (value.StartsWith('[') && value.LastIndexOf(']') > separator))
        {
            error = $"{field} '{value}' has no port: expected host:port";
            return false;
        }

        var hostPart = value[..separator];
        var portPart = value[(separator + 1)..];
        if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            error = $"{field} '{value}' has an invalid port: expected 0..65535";
            return false;
        }

        if (hostPart.Length == 0)
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (!TryResolveHost(hostPart, out var address))
        {
            error = $"{field} '{value}' is not a loopback address: only 127.0.0.1, ::1 and localhost are allowed";
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>Formats an endpoint the way Go's net package prints it: host:port, [v6]:port.</summary>
    public static string Format(IPEndPoint endpoint) =>
        endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
}
