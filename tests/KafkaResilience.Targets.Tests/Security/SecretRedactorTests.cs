using FluentAssertions;
using KafkaResilience.Cluster.Security;

namespace KafkaResilience.Targets.Tests.Security;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("sasl.password")]
    [InlineData("ssl.key.password")]
    [InlineData("ssl.keystore.password")]
    [InlineData("sasl.oauthbearer.client.secret")]
    [InlineData("sasl.jaas.config")]
    [InlineData("KAFKA_RESILIENCE_SASL_PASSWORD")]
    [InlineData("access_token")]
    [InlineData("\"Api_Key\"")]
    public void Secret_looking_keys_are_recognised(string key) => SecretRedactor.IsSecretKey(key).Should().BeTrue();

    [Theory]
    [InlineData("sasl.username")]
    [InlineData("bootstrap.servers")]
    [InlineData("ssl.ca.location")]
    [InlineData("security.protocol")]
    public void Ordinary_keys_are_not_secret(string key) => SecretRedactor.IsSecretKey(key).Should().BeFalse();

    [Fact]
    public void A_settings_dictionary_keeps_its_keys_and_masks_only_secret_values()
    {
        var redactor = new SecretRedactor();
        var settings = new Dictionary<string, string>
        {
            ["sasl.username"] = "alice",
            ["sasl.password"] = "s3cr3t!",
            ["ssl.key.password"] = "k3y",
        };

        var redacted = redactor.RedactSettings(settings);

        redacted.Should().Equal(new Dictionary<string, string>
        {
            ["sasl.password"] = "***",
            ["sasl.username"] = "alice",
            ["ssl.key.password"] = "***",
        });
        settings["sasl.password"].Should().Be("s3cr3t!", "the original is not changed");
    }

    [Theory]
    [InlineData("connect failed: sasl.password=hunter2 user=bob", "connect failed: sasl.password=*** user=bob")]
    [InlineData("{\"saslPassword\": \"hunter2\", \"saslUsername\": \"bob\"}", "{\"saslPassword\": \"***\", \"saslUsername\": \"bob\"}")]
    [InlineData("token: abc.def.ghi", "token: ***")]
    [InlineData("client_secret='xyz' next", "client_secret='***' next")]
    public void Secret_pairs_in_free_text_are_masked(string text, string expected) =>
        new SecretRedactor().Redact(text).Should().Be(expected);

    [Fact]
    public void A_registered_secret_is_masked_wherever_it_appears()
    {
        var redactor = new SecretRedactor(["Pa55-w0rd"]);

        var redacted = redactor.Redact("SASL authentication failed for bob with Pa55-w0rd at broker 106; retry Pa55-w0rd");

        redacted.Should().Be("SASL authentication failed for bob with *** at broker 106; retry ***");
    }

    [Fact]
    public void Empty_and_null_secrets_are_ignored_and_text_without_secrets_is_unchanged()
    {
        var redactor = new SecretRedactor([null, ""]);

        redactor.Redact("broker 105 is leader of q_1-2").Should().Be("broker 105 is leader of q_1-2");
        redactor.Redact(null).Should().BeEmpty();
    }

    [Fact]
    public void Describe_renders_settings_sorted_with_secrets_masked()
    {
        var redactor = new SecretRedactor();

        redactor.Describe(new Dictionary<string, string> { ["sasl.password"] = "x", ["acks"] = "all" })
            .Should().Be("acks=all, sasl.password=***");
    }
}
