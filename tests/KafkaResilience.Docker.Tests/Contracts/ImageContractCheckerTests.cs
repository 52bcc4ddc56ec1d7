using FluentAssertions;
using KafkaResilience.Docker.Compose;
using KafkaResilience.Docker.Contracts;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Contracts;

public sealed class ImageContractCheckerTests
{
    private static readonly string ComposeYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docker-compose.yml"));

    private static KafkaClusterDefinition Definition(KafkaStack stack) => new KafkaClusterBuilder().WithStack(stack).Build();

    private static ClusterUnderContract Compose(KafkaStack stack, string? yaml = null) =>
        ClusterUnderContract.FromCompose(DockerComposeFile.Parse(yaml ?? ComposeYaml), KafkaClusterDefaults.ProfileName(stack));

    [Theory]
    [InlineData(KafkaStack.Kraft)]
    [InlineData(KafkaStack.ZooKeeper)]
    public void The_docker_target_definition_keeps_every_image_contract(KafkaStack stack)
    {
        var findings = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(Definition(stack)));

        findings.Violations.Select(v => v.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(KafkaStack.Kraft, new[] { 7 }, 0)]
    [InlineData(KafkaStack.Kraft, new[] { 1, 2 }, 2)]
    [InlineData(KafkaStack.Kraft, new[] { 1, 2, 3, 4, 5 }, 1)]
    [InlineData(KafkaStack.ZooKeeper, new[] { 7 }, 0)]
    [InlineData(KafkaStack.ZooKeeper, new[] { 1, 2 }, 2)]
    [InlineData(KafkaStack.ZooKeeper, new[] { 0, 1000, 999, 500 }, 30)]
    public void Any_cluster_the_builder_accepts_keeps_every_image_contract(KafkaStack stack, int[] brokerIds, int detectionSeconds)
    {
        var builder = new KafkaClusterBuilder().WithStack(stack).WithBrokerIds(brokerIds).WithProxyPortBase(30000)
            .WithDetectionDelay(detectionSeconds == 0 ? null : TimeSpan.FromSeconds(detectionSeconds));

        var findings = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(builder.Build()));

        findings.Violations.Select(v => v.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(KafkaStack.Kraft)]
    [InlineData(KafkaStack.ZooKeeper)]
    public void Each_compose_profile_keeps_every_image_contract_health_checks_included(KafkaStack stack)
    {
        var findings = ImageContractChecker.Check(Compose(stack));

        findings.Violations.Select(v => v.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(KafkaStack.Kraft, "KRAFT-")]
    [InlineData(KafkaStack.ZooKeeper, "CPKAFKA-")]
    public void Every_rule_of_the_stacks_images_is_applied_to_both_descriptions(KafkaStack stack, string brokerPrefix)
    {
        var expected = ImageContractChecker.Rules.Select(r => r.Id)
            .Where(id => id.StartsWith(brokerPrefix, StringComparison.Ordinal) || id.StartsWith("TOXIPROXY-", StringComparison.Ordinal) || id.StartsWith("WIRE-", StringComparison.Ordinal)
                || (stack == KafkaStack.ZooKeeper && id.StartsWith("ZOOKEEPER-", StringComparison.Ordinal)))
            .ToArray();

        ImageContractChecker.Check(ClusterUnderContract.FromDefinition(Definition(stack))).Applied.Should().BeEquivalentTo(expected);
        ImageContractChecker.Check(Compose(stack)).Applied.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Every_rule_cites_the_repository_revision_and_file_that_state_it()
    {
        ImageContractChecker.Rules.Should().OnlyHaveUniqueItems(r => r.Id);
        ImageContractChecker.Rules.Should().AllSatisfy(rule =>
        {
            rule.Statement.Should().NotBeNullOrWhiteSpace();
            rule.Source.Repository.Should().MatchRegex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", rule.Id);
            rule.Source.Revision.Should().NotBeNullOrWhiteSpace(rule.Id);
            rule.Source.Path.Should().NotBeNullOrWhiteSpace(rule.Id);
            rule.Source.Says.Should().NotBeNullOrWhiteSpace(rule.Id);
        });
    }

    [Fact]
    public void Every_environment_variable_of_every_container_is_judged_by_a_rule()
    {
        foreach (var stack in new[] { KafkaStack.Kraft, KafkaStack.ZooKeeper })
        {
            var cluster = ClusterUnderContract.FromDefinition(Definition(stack));
            var renamed = cluster with
            {
                Containers = cluster.Containers.Select(c => c with { Environment = c.Environment.ToDictionary(e => e.Key + "X", e => e.Value) }).ToArray(),
            };

            var findings = ImageContractChecker.Check(renamed);

            foreach (var container in cluster.Containers)
            foreach (var variable in container.Environment.Keys)
                findings.Violations.Should().Contain(v => v.Container == container.Name && v.Setting == variable + "X",
                    $"a misspelt {variable} on {container.Name} must break a rule of its image");
        }
    }

    [Fact]
    public void A_broker_that_advertises_its_client_listener_anywhere_but_its_proxy_breaks_the_wiring_rule_naming_the_variable_and_the_source()
    {
        // Given the KRaft definition in which broker 106 advertises EXTERNAL at its container port instead of its proxy's
        var definition = Definition(KafkaStack.Kraft);
        var wrong = definition with
        {
            Nodes = definition.Nodes.Select(n => n.NodeId != 106 ? n : n with
            {
                Environment = new Dictionary<string, string>(n.Environment)
                {
                    ["KAFKA_ADVERTISED_LISTENERS"] = "INTERNAL://kafka-106:19092,EXTERNAL://127.0.0.1:9092,CONTROLLER://kafka-106:9093",
                },
            }).ToArray(),
        };

        // When it is checked
        var violations = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(wrong)).Violations;

        // Then exactly that broker's variable breaks the proxy wiring rule, and the message says what and where it is written
        var violation = violations.Should().ContainSingle().Which;
        violation.Container.Should().Be("kafka-106");
        violation.Setting.Should().Be("KAFKA_ADVERTISED_LISTENERS");
        violation.Rule.Should().Be(ClusterWiringContract.ClientListener);
        violation.ToString().Should().Contain("kafka-106: KAFKA_ADVERTISED_LISTENERS = 'INTERNAL://kafka-106:19092,EXTERNAL://127.0.0.1:9092")
            .And.Contain("WIRE-CLIENT-LISTENER")
            .And.Contain("apache/kafka@1eb7644 core/src/main/scala/kafka/server/KafkaApis.scala");
    }

    [Fact]
    public void A_listener_missing_from_the_protocol_map_in_compose_breaks_the_protocol_map_rule()
    {
        var wrong = ComposeYaml.Replace(
            "KAFKA_LISTENERS: \"INTERNAL://0.0.0.0:19092,EXTERNAL://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093\"\n      KAFKA_ADVERTISED_LISTENERS: \"INTERNAL://kafka-108",
            "KAFKA_LISTENERS: \"INTERNAL://0.0.0.0:19092,CLIENT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093\"\n      KAFKA_ADVERTISED_LISTENERS: \"INTERNAL://kafka-108",
            StringComparison.Ordinal);

        var violations = ImageContractChecker.Check(Compose(KafkaStack.Kraft, wrong)).Violations;

        violations.Should().Contain(v => v.Container == "kafka-108" && v.Setting == "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP" && v.Rule.Id == "KRAFT-PROTOCOL-MAP");
        violations.Should().Contain(v => v.Container == "kafka-108" && v.Rule.Id == "KRAFT-ADVERTISED", "EXTERNAL is advertised but no longer listened on");
        violations.Should().OnlyContain(v => v.Container == "kafka-108");
    }

    [Fact]
    public void An_unadvertised_controller_listener_breaks_the_controller_listener_rule()
    {
        var definition = Definition(KafkaStack.Kraft);
        var wrong = definition with
        {
            Nodes = definition.Nodes.Select(n => n with
            {
                Environment = new Dictionary<string, string>(n.Environment)
                {
                    ["KAFKA_ADVERTISED_LISTENERS"] = string.Join(",", n.Environment["KAFKA_ADVERTISED_LISTENERS"].Split(',').Where(l => !l.StartsWith("CONTROLLER", StringComparison.Ordinal))),
                },
            }).ToArray(),
        };

        var violations = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(wrong)).Violations;

        violations.Should().HaveCount(3).And.OnlyContain(v => v.Rule == KraftImageContract.ControllerListener && v.Setting == "KAFKA_ADVERTISED_LISTENERS");
        violations[0].ToString().Should().Contain("KAFKA-18281");
    }

    [Theory]
    [InlineData("CLUSTER_ID", "5L6g3nShT-eMCtK--X86s", "KRAFT-CLUSTER-ID")]
    [InlineData("KAFKA_CONTROLLER_QUORUM_VOTERS", "105@kafka-105:9093,106@kafka-106:9093", "KRAFT-QUORUM-VOTERS")]
    [InlineData("KAFKA_CONTROLLER_QUORUM_VOTERS", "105@kafka-105:19092,106@kafka-106:9093,108@kafka-108:9093", "KRAFT-QUORUM-VOTERS")]
    [InlineData("KAFKA_PROCESS_ROLES", "broker", "KRAFT-ROLES")]
    [InlineData("KAFKA_LOG_DIRS", "/opt/kafka/data", "KRAFT-LOG-DIRS")]
    [InlineData("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "3", "WIRE-INTERNAL-TOPICS")]
    [InlineData("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "4", "WIRE-INTERNAL-TOPICS")]
    [InlineData("KAFKA_ADVERTISED_LISTENER", "INTERNAL://kafka-105:19092", "KRAFT-ENV-PROPERTY")]
    [InlineData("KAFKA_INTER_BROKER_LISTENER_NAME", "CONTROLLER", "KRAFT-INTER-BROKER")]
    public void A_wrong_setting_on_one_kraft_node_breaks_the_rule_that_states_it(string variable, string value, string ruleId)
    {
        var definition = Definition(KafkaStack.Kraft);
        var wrong = definition with
        {
            Nodes = definition.Nodes.Select(n => n.NodeId != 105 ? n : n with
            {
                Environment = new Dictionary<string, string>(n.Environment) { [variable] = value },
            }).ToArray(),
        };

        var violations = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(wrong)).Violations;

        violations.Should().Contain(v => v.Container == "kafka-105" && v.Setting == variable && v.Rule.Id == ruleId);
    }

    [Theory]
    [InlineData("KAFKA_PORT", "9092", "CPKAFKA-REFUSED")]
    [InlineData("KAFKA_HEAP_OPTS", "-Xmx1g", "CPKAFKA-ENV-PROPERTY")]
    [InlineData("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER", "CPKAFKA-ENV-PROPERTY")]
    [InlineData("KAFKA_BROKER_ID", "1001", "CPKAFKA-BROKER-ID")]
    [InlineData("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://kafka-105:19092,EXTERNAL://127.0.0.1:19092", "CPKAFKA-ADVERTISED")]
    [InlineData("KAFKA_ZOOKEEPER_CONNECT", "zookeeper:2182", "CPKAFKA-ZOOKEEPER")]
    [InlineData("KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS", "60000", "CPKAFKA-ZK-SESSION")]
    [InlineData("KAFKA_LOG_DIRS", "/tmp/kafka", "CPKAFKA-DATA-DIR")]
    [InlineData("CONFLUENT_SUPPORT_METRICS_ENABLE", "true", "CPKAFKA-SUPPORT-METRICS")]
    [InlineData("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2", "CPKAFKA-ENV-PROPERTY")]
    public void A_wrong_setting_on_one_zookeeper_mode_broker_breaks_the_rule_that_states_it(string variable, string value, string ruleId)
    {
        var definition = Definition(KafkaStack.ZooKeeper);
        var wrong = definition with
        {
            Nodes = definition.Nodes.Select(n => n.NodeId != 105 ? n : n with
            {
                Environment = new Dictionary<string, string>(n.Environment) { [variable] = value },
            }).ToArray(),
        };

        var violations = ImageContractChecker.Check(ClusterUnderContract.FromDefinition(wrong)).Violations;

        violations.Should().Contain(v => v.Container == "kafka-105" && v.Setting == variable && v.Rule.Id == ruleId);
    }

    [Fact]
    public void A_toxiproxy_without_host_all_interfaces_and_a_shell_health_check_break_its_contract()
    {
        var wrong = ComposeYaml
            .Replace("command: [\"-host=0.0.0.0\", \"-config=/config/toxiproxy.json\"]", "command: [\"-config=/config/toxiproxy.json\", \"--verbose\"]", StringComparison.Ordinal)
            .Replace("test: [\"CMD\", \"/toxiproxy-cli\", \"list\"]", "test: [\"CMD-SHELL\", \"/toxiproxy-cli list\"]", StringComparison.Ordinal);

        var violations = ImageContractChecker.Check(Compose(KafkaStack.Kraft, wrong)).Violations;

        violations.Select(v => v.Rule.Id).Should().BeEquivalentTo("TOXIPROXY-HOST", "TOXIPROXY-COMMAND", "TOXIPROXY-READY");
    }

    [Fact]
    public void A_zookeeper_health_check_without_srvr_whitelisted_breaks_its_contract()
    {
        var wrong = ComposeYaml.Replace("ZOO_4LW_COMMANDS_WHITELIST: \"srvr,ruok\"", "ZOO_4LW_COMMANDS_WHITELIST: \"ruok\"", StringComparison.Ordinal);

        var violations = ImageContractChecker.Check(Compose(KafkaStack.ZooKeeper, wrong)).Violations;

        violations.Should().ContainSingle().Which.Rule.Should().Be(ZooKeeperImageContract.Readiness);
    }

    [Fact]
    public void The_readiness_patterns_match_the_lines_the_images_log()
    {
        var kraft = Definition(KafkaStack.Kraft).Node(106);
        var zk = Definition(KafkaStack.ZooKeeper);

        System.Text.RegularExpressions.Regex.IsMatch(KraftImageContract.StartedLine(106), kraft.StartedPattern).Should().BeTrue();
        System.Text.RegularExpressions.Regex.IsMatch(ConfluentKafkaImageContract.StartedLine(106), zk.Node(106).StartedPattern).Should().BeTrue();
        System.Text.RegularExpressions.Regex.IsMatch(ZooKeeperImageContract.BindingLine(2181), zk.ZooKeeper!.StartedPattern).Should().BeTrue();
    }

    [Theory]
    [InlineData("KAFKA_ADVERTISED_LISTENERS", "advertised.listeners")]
    [InlineData("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "share.coordinator.state.topic.min.isr")]
    [InlineData("KAFKA_LISTENER_NAME_INTERNAL_SSL__KEY___PASSWORD", "listener.name.internal.ssl_key-password")]
    public void Variables_become_properties_as_both_images_convert_them(string variable, string property) =>
        KafkaEnvironmentProperties.PropertyOf(variable).Should().Be(property);
}
