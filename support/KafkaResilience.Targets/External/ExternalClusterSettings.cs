using System.Globalization;
using System.Text.Json;
using KafkaResilience.Cluster.Security;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets.External;

/// <summary>
/// How to reach a cluster someone else runs: bootstrap servers, an optional Toxiproxy API in front of
/// the brokers (the only fault injector an external cluster can have), and optional SASL/SSL settings.
/// Read from environment variables and/or a JSON file (<c>KAFKA_RESILIENCE_SETTINGS</c>; variables win).
/// <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record ExternalClusterSettings
{
    public static readonly IReadOnlyList<string> AllowedSecurityProtocols = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"];

    public static readonly IReadOnlyList<string> AllowedSaslMechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];

    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    public const string DefaultProxyNameFormat = "broker-{id}";

    public string BootstrapServers { get; init; } = string.Empty;

    public Uri? ToxiproxyApi { get; init; }

    public string ProxyNameFormat { get; init; } = DefaultProxyNameFormat;

    /// <summary>Explicit protocol, or null to derive it from the SASL and SSL settings.</summary>
    public string? SecurityProtocol { get; init; }

    public string? SaslMechanism { get; init; }

    public string? SaslUsername { get; init; }

    public string? SaslPassword { get; init; }

    public string? SslCaLocation { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>The protocol clients use: the explicit one, else SASL_SSL / SASL_PLAINTEXT / SSL / PLAINTEXT by what is set.</summary>
    public string EffectiveSecurityProtocol => SecurityProtocol ?? (SaslMechanism, SslCaLocation) switch
    {
        (not null, not null) => "SASL_SSL",
        (not null, null) => "SASL_PLAINTEXT",
        (null, not null) => "SSL",
        _ => "PLAINTEXT",
    };

    /// <summary>Reads the settings file named by KAFKA_RESILIENCE_SETTINGS (if any), then the variables over it, then validates.</summary>
    public static ExternalClusterSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new ExternalClusterSettings();
        var file = Get(environment, TargetEnvironmentVariables.SettingsFile);
        if (file is not null)
            settings = FromFile(file);

        settings = settings with
        {
            BootstrapServers = Get(environment, TargetEnvironmentVariables.Bootstrap) ?? settings.BootstrapServers,
            ToxiproxyApi = Get(environment, TargetEnvironmentVariables.Toxiproxy) is { } api ? ParseUri(TargetEnvironmentVariables.Toxiproxy, api) : settings.ToxiproxyApi,
            ProxyNameFormat = Get(environment, TargetEnvironmentVariables.ProxyNameFormat) ?? settings.ProxyNameFormat,
            SecurityProtocol = Get(environment, TargetEnvironmentVariables.SecurityProtocol)?.ToUpperInvariant() ?? settings.SecurityProtocol,
            SaslMechanism = Get(environment, TargetEnvironmentVariables.SaslMechanism)?.ToUpperInvariant() ?? settings.SaslMechanism,
            SaslUsername = Get(environment, TargetEnvironmentVariables.SaslUsername) ?? settings.SaslUsername,
            SaslPassword = Get(environment, TargetEnvironmentVariables.SaslPassword) ?? settings.SaslPassword,
            SslCaLocation = Get(environment, TargetEnvironmentVariables.SslCa) ?? settings.SslCaLocation,
            ConnectTimeout = Get(environment, TargetEnvironmentVariables.ConnectTimeoutMs) is { } ms
                ? ParseMilliseconds(TargetEnvironmentVariables.ConnectTimeoutMs, ms)
                : settings.ConnectTimeout,
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Reads a JSON settings file (keys: bootstrap, toxiproxy, proxyNameFormat, securityProtocol, saslMechanism, saslUsername, saslPassword, sslCa, connectTimeoutMs).</summary>
    public static ExternalClusterSettings FromFile(string path)
    {
        var json = SettingFile.ReadText(TargetEnvironmentVariables.SettingsFile, path, "a JSON settings file (an object of bootstrap, toxiproxy, ...)");

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new TargetConfigurationException($"{TargetEnvironmentVariables.SettingsFile}='{path}' must hold a JSON object.");
            var known = new[] { "bootstrap", "toxiproxy", "proxyNameFormat", "securityProtocol", "saslMechanism", "saslUsername", "saslPassword", "sslCa", "connectTimeoutMs" };
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    throw new TargetConfigurationException($"{TargetEnvironmentVariables.SettingsFile}='{path}': unknown key '{property.Name}'; allowed keys: {string.Join(", ", known)}.");
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? string.Empty : property.Value.GetRawText();
            }
            string? V(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            return new ExternalClusterSettings
            {
                BootstrapServers = V("bootstrap") ?? string.Empty,
                ToxiproxyApi = V("toxiproxy") is { } api ? ParseUri("toxiproxy (settings file)", api) : null,
                ProxyNameFormat = V("proxyNameFormat") ?? DefaultProxyNameFormat,
                SecurityProtocol = V("securityProtocol")?.ToUpperInvariant(),
                SaslMechanism = V("saslMechanism")?.ToUpperInvariant(),
                SaslUsername = V("saslUsername"),
                SaslPassword = V("saslPassword"),
                SslCaLocation = V("sslCa"),
                ConnectTimeout = V("connectTimeoutMs") is { } ms ? ParseMilliseconds("connectTimeoutMs (settings file)", ms) : DefaultConnectTimeout,
            };
        }
        catch (JsonException e)
        {
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.SettingsFile}='{path}' is not JSON: {e.Message} (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})", e);
        }
    }

    /// <summary>Throws <see cref="TargetConfigurationException"/> naming the variable and what it allows.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
            throw new TargetConfigurationException(
                $"The external target needs {TargetEnvironmentVariables.Bootstrap} (e.g. localhost:19105,localhost:19106,localhost:19108) or 'bootstrap' in the {TargetEnvironmentVariables.SettingsFile} file.");
        foreach (var server in BootstrapServers.Split(','))
        {
            var s = server.Trim();
            var colon = s.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(s[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                throw new TargetConfigurationException($"{TargetEnvironmentVariables.Bootstrap}: '{s}' is not host:port (port 1-65535).");
        }
        if (ToxiproxyApi is not null && ToxiproxyApi.Scheme is not ("http" or "https"))
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.Toxiproxy}='{ToxiproxyApi}' must be an http(s) URL such as http://localhost:8474.");
        if (!ProxyNameFormat.Contains("{id}", StringComparison.Ordinal))
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.ProxyNameFormat}='{ProxyNameFormat}' must contain {{id}} (e.g. broker-{{id}}).");
        if (SecurityProtocol is not null && !AllowedSecurityProtocols.Contains(SecurityProtocol))
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.SecurityProtocol}='{SecurityProtocol}' must be one of {string.Join(", ", AllowedSecurityProtocols)}.");
        if (SaslMechanism is not null && !AllowedSaslMechanisms.Contains(SaslMechanism))
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.SaslMechanism}='{SaslMechanism}' must be one of {string.Join(", ", AllowedSaslMechanisms)}.");
        if (SaslMechanism is not null && (string.IsNullOrEmpty(SaslUsername) || string.IsNullOrEmpty(SaslPassword)))
            throw new TargetConfigurationException(
                $"{TargetEnvironmentVariables.SaslMechanism} is set, so {TargetEnvironmentVariables.SaslUsername} and {TargetEnvironmentVariables.SaslPassword} must both be set.");
        if (SaslMechanism is null && (SaslUsername is not null || SaslPassword is not null))
            throw new TargetConfigurationException(
                $"{TargetEnvironmentVariables.SaslUsername}/{TargetEnvironmentVariables.SaslPassword} are set without {TargetEnvironmentVariables.SaslMechanism} ({string.Join(", ", AllowedSaslMechanisms)}).");
        if (EffectiveSecurityProtocol.StartsWith("SASL", StringComparison.Ordinal) && SaslMechanism is null)
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.SecurityProtocol}={EffectiveSecurityProtocol} needs {TargetEnvironmentVariables.SaslMechanism}.");
        if (SslCaLocation is not null && SettingFile.Problem(TargetEnvironmentVariables.SslCa, SslCaLocation, "a PEM file with the brokers' CA") is { } ca)
            throw new TargetConfigurationException(ca);
        if (ConnectTimeout <= TimeSpan.Zero || ConnectTimeout > TimeSpan.FromMinutes(5))
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.ConnectTimeoutMs} must be between 1 and 300000 ms.");
    }

    /// <summary>The librdkafka settings every client of this cluster needs (contains the password: never log it; use <see cref="Redactor"/>).</summary>
    public IReadOnlyDictionary<string, string> ClientSettings()
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["security.protocol"] = EffectiveSecurityProtocol.ToLowerInvariant(),
        };
        if (SaslMechanism is not null)
        {
            settings["sasl.mechanism"] = SaslMechanism;
            settings["sasl.username"] = SaslUsername!;
            settings["sasl.password"] = SaslPassword!;
        }
        if (SslCaLocation is not null)
            settings["ssl.ca.location"] = SslCaLocation;
        return settings;
    }

    /// <summary>A redactor that knows this cluster's password.</summary>
    public SecretRedactor Redactor() => new([SaslPassword]);

    /// <summary>The Toxiproxy proxy name of a broker.</summary>
    public string ProxyNameOf(int brokerId) => ProxyNameFormat.Replace("{id}", brokerId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public override string ToString() =>
        $"bootstrap {BootstrapServers}, {EffectiveSecurityProtocol}" +
        (SaslMechanism is null ? string.Empty : $", SASL {SaslMechanism} as {SaslUsername} (password {(SaslPassword is null ? "unset" : SecretRedactor.Mask)})") +
        (SslCaLocation is null ? string.Empty : $", CA {SslCaLocation}") +
        (ToxiproxyApi is null ? ", no Toxiproxy" : $", Toxiproxy {ToxiproxyApi} (proxies {ProxyNameFormat})");

    private static string? Get(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri ParseUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new TargetConfigurationException($"{name}='{value}' must be an http(s) URL such as http://localhost:8474.");

    private static TimeSpan ParseMilliseconds(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= 300_000
            ? TimeSpan.FromMilliseconds(ms)
            : throw new TargetConfigurationException($"{name}='{value}' must be a whole number of milliseconds from 1 to 300000.");
}
