using FluentAssertions;
using KafkaResilience.Targets.External;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets.Tests.External;

public sealed class ExternalClusterSettingsTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    private const string Compose = "localhost:19105,localhost:19106,localhost:19108";

    [Fact]
    public void Bootstrap_alone_gives_a_plaintext_cluster_without_an_injector()
    {
        var settings = ExternalClusterSettings.FromEnvironment(Env(("KAFKA_RESILIENCE_BOOTSTRAP", Compose)));

        settings.BootstrapServers.Should().Be(Compose);
        settings.ToxiproxyApi.Should().BeNull();
        settings.EffectiveSecurityProtocol.Should().Be("PLAINTEXT");
        settings.ClientSettings().Should().Equal(new Dictionary<string, string> { ["security.protocol"] = "plaintext" });
        settings.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(5));
        settings.ProxyNameOf(106).Should().Be("broker-106");
    }

    [Fact]
    public void Sasl_and_ssl_settings_become_librdkafka_client_settings()
    {
        var ca = Path.GetTempFileName();
        try
        {
            var settings = ExternalClusterSettings.FromEnvironment(Env(
                ("KAFKA_RESILIENCE_BOOTSTRAP", "kafka.lab:9093"),
                ("KAFKA_RESILIENCE_SASL_MECHANISM", "scram-sha-512"),
                ("KAFKA_RESILIENCE_SASL_USERNAME", "alice"),
                ("KAFKA_RESILIENCE_SASL_PASSWORD", "s3cr3t"),
                ("KAFKA_RESILIENCE_SSL_CA", ca),
                ("KAFKA_RESILIENCE_TOXIPROXY", "http://localhost:8474"),
                ("KAFKA_RESILIENCE_CONNECT_TIMEOUT_MS", "1500")));

            settings.EffectiveSecurityProtocol.Should().Be("SASL_SSL");
            settings.ClientSettings().Should().Equal(new Dictionary<string, string>
            {
                ["sasl.mechanism"] = "SCRAM-SHA-512",
                ["sasl.password"] = "s3cr3t",
                ["sasl.username"] = "alice",
                ["security.protocol"] = "sasl_ssl",
                ["ssl.ca.location"] = ca,
            });
            settings.ToxiproxyApi.Should().Be(new Uri("http://localhost:8474"));
            settings.ConnectTimeout.Should().Be(TimeSpan.FromMilliseconds(1500));
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public void ToString_and_the_redactor_never_show_the_password()
    {
        var settings = ExternalClusterSettings.FromEnvironment(Env(
            ("KAFKA_RESILIENCE_BOOTSTRAP", "kafka.lab:9092"),
            ("KAFKA_RESILIENCE_SASL_MECHANISM", "PLAIN"),
            ("KAFKA_RESILIENCE_SASL_USERNAME", "alice"),
            ("KAFKA_RESILIENCE_SASL_PASSWORD", "Very-Secret-42")));

        settings.ToString().Should().NotContain("Very-Secret-42")
            .And.Be("bootstrap kafka.lab:9092, SASL_PLAINTEXT, SASL PLAIN as alice (password ***), no Toxiproxy");
        settings.Redactor().Redact("login failed with Very-Secret-42").Should().Be("login failed with ***");
    }

    [Fact]
    public void A_settings_file_is_read_and_environment_variables_win_over_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {
                  // a lab cluster
                  "bootstrap": "file-host:9092",
                  "toxiproxy": "http://localhost:8474",
                  "proxyNameFormat": "kafka-{id}-proxy",
                  "saslMechanism": "PLAIN",
                  "saslUsername": "file-user",
                  "saslPassword": "file-pass",
                  "connectTimeoutMs": 2000,
                }
                """);

            var settings = ExternalClusterSettings.FromEnvironment(Env(
                ("KAFKA_RESILIENCE_SETTINGS", file),
                ("KAFKA_RESILIENCE_SASL_USERNAME", "env-user")));

            settings.BootstrapServers.Should().Be("file-host:9092");
            settings.SaslUsername.Should().Be("env-user");
            settings.SaslPassword.Should().Be("file-pass");
            settings.ProxyNameOf(105).Should().Be("kafka-105-proxy");
            settings.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(2));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static TheoryData<string, (string Key, string Value)[]> InvalidEnvironments => new()
    {
        { "KAFKA_RESILIENCE_BOOTSTRAP (e.g. localhost:19105", [] },
        { "KAFKA_RESILIENCE_BOOTSTRAP: 'localhost' is not host:port", [("KAFKA_RESILIENCE_BOOTSTRAP", "localhost")] },
        { "KAFKA_RESILIENCE_BOOTSTRAP: 'b:99999' is not host:port", [("KAFKA_RESILIENCE_BOOTSTRAP", "a:1,b:99999")] },
        { "KAFKA_RESILIENCE_TOXIPROXY='localhost:8474' must be an http(s) URL", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_TOXIPROXY", "localhost:8474")] },
        { "KAFKA_RESILIENCE_SASL_MECHANISM='GSSAPI' must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SASL_MECHANISM", "GSSAPI"), ("KAFKA_RESILIENCE_SASL_USERNAME", "u"), ("KAFKA_RESILIENCE_SASL_PASSWORD", "p")] },
        { "KAFKA_RESILIENCE_SASL_MECHANISM is set, so KAFKA_RESILIENCE_SASL_USERNAME and KAFKA_RESILIENCE_SASL_PASSWORD must both be set", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SASL_MECHANISM", "PLAIN"), ("KAFKA_RESILIENCE_SASL_USERNAME", "u")] },
        { "are set without KAFKA_RESILIENCE_SASL_MECHANISM", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SASL_PASSWORD", "p")] },
        { "KAFKA_RESILIENCE_SECURITY_PROTOCOL='TLS' must be one of", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SECURITY_PROTOCOL", "tls")] },
        { "KAFKA_RESILIENCE_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_RESILIENCE_SASL_MECHANISM", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SECURITY_PROTOCOL", "SASL_SSL")] },
        { "KAFKA_RESILIENCE_SSL_CA='/nonexistent/ca.pem' does not exist", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SSL_CA", "/nonexistent/ca.pem")] },
        { "KAFKA_RESILIENCE_CONNECT_TIMEOUT_MS='soon'", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_CONNECT_TIMEOUT_MS", "soon")] },
        { "KAFKA_RESILIENCE_PROXY_NAME_FORMAT='broker' must contain {id}", [("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_PROXY_NAME_FORMAT", "broker")] },
        { "KAFKA_RESILIENCE_SETTINGS='/nonexistent/settings.json' does not exist; it should name a JSON settings file", [("KAFKA_RESILIENCE_SETTINGS", "/nonexistent/settings.json")] },
    };

    [Theory]
    [MemberData(nameof(InvalidEnvironments))]
    public void Invalid_settings_name_the_variable_and_what_it_allows(string expectedMessagePart, (string Key, string Value)[] environment)
    {
        var act = () => ExternalClusterSettings.FromEnvironment(Env(environment));

        act.Should().Throw<TargetConfigurationException>().Which.Message.Should().Contain(expectedMessagePart);
    }

    [Theory]
    [InlineData("{ \"bootstrap\": ", "is not JSON: ")]
    [InlineData("[1, 2]", "must hold a JSON object")]
    [InlineData("{ \"bootstrap\": \"a:1\", \"password\": \"x\" }", "unknown key 'password'; allowed keys: bootstrap, toxiproxy")]
    public void A_malformed_settings_file_is_named_with_what_is_wrong(string json, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);

            var act = () => ExternalClusterSettings.FromEnvironment(Env(("KAFKA_RESILIENCE_SETTINGS", file)));

            act.Should().Throw<TargetConfigurationException>().Which.Message.Should().Contain(file).And.Contain(expected);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_settings_file_that_is_a_folder_is_named_a_folder_not_a_permission_problem()
    {
        var folder = Directory.CreateTempSubdirectory("kr-settings-folder-").FullName;
        try
        {
            var act = () => ExternalClusterSettings.FromEnvironment(Env(("KAFKA_RESILIENCE_SETTINGS", folder)));

            act.Should().Throw<TargetConfigurationException>().Which.Message.Should()
                .Be($"KAFKA_RESILIENCE_SETTINGS='{folder}' is a folder, not a file; it should name a JSON settings file (an object of bootstrap, toxiproxy, ...) itself.");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void A_ca_that_is_a_folder_is_named_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("kr-ca-folder-").FullName;
        try
        {
            var act = () => ExternalClusterSettings.FromEnvironment(Env(("KAFKA_RESILIENCE_BOOTSTRAP", Compose), ("KAFKA_RESILIENCE_SSL_CA", folder)));

            act.Should().Throw<TargetConfigurationException>().Which.Message.Should().Be($"KAFKA_RESILIENCE_SSL_CA='{folder}' is a folder, not a file; it should name a PEM file with the brokers' CA itself.");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
