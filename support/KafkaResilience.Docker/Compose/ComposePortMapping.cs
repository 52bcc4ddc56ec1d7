using System.Globalization;

namespace KafkaResilience.Docker.Compose;

/// <summary>
/// One published port of a compose service in the short syntax ("[host_ip:]host_port:container_port[/protocol]").
/// </summary>
public sealed record ComposePortMapping(string? HostIp, int HostPort, int ContainerPort)
{
    /// <summary>Parses the short syntax; throws naming the text when it is not one.</summary>
    public static ComposePortMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutProtocol = text.Split('/')[0];
        var parts = withoutProtocol.Split(':');
        return parts.Length switch
        {
            2 => new ComposePortMapping(null, Port(parts[0], text), Port(parts[1], text)),
            3 => new ComposePortMapping(parts[0], Port(parts[1], text), Port(parts[2], text)),
            _ => throw new FormatException($"Port '{text}' is not [host_ip:]host_port:container_port."),
        };
    }

    private static int Port(string value, string text) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"Port '{text}' has '{value}', not a port number 1-65535.");
}
