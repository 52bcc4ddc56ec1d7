using System.Reflection;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using FluentAssertions;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Definition;

public sealed class DockerImagesTests
{
    [Fact]
    public void The_resource_reaper_image_is_the_one_testcontainers_starts()
    {
        // Testcontainers keeps it private; the probe must look for the very same image, or a machine without a
        // registry would pass the check and then fail pulling it.
        var field = typeof(ResourceReaper).GetField("RyukImage", BindingFlags.Static | BindingFlags.NonPublic);

        field.Should().NotBeNull("Testcontainers' ResourceReaper must still name its image in RyukImage (check DockerImages.ResourceReaper after an upgrade)");
        ((IImage)field!.GetValue(null)!).FullName.Should().Be(DockerImages.ResourceReaper);
    }

    [Fact]
    public void Every_image_is_pinned()
    {
        string[] images = [DockerImages.Kafka, DockerImages.ZooKeeperModeKafka, DockerImages.ZooKeeper, DockerImages.Toxiproxy];

        images.Should().OnlyContain(i => i.Contains(':') && !i.EndsWith(":latest", StringComparison.Ordinal));
        DockerImages.KafkaFor(KafkaStack.Kraft).Should().Be(DockerImages.Kafka);
        DockerImages.KafkaFor(KafkaStack.ZooKeeper).Should().Be(DockerImages.ZooKeeperModeKafka);
    }
}
