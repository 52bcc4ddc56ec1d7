using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using KafkaResilience.Embedded.Native;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Native;

/// <summary>
/// A control call that waits for the mock's thread gets that thread woken by a connection to one of its listeners; here
/// the "mock" is a listener the call itself waits on, so the call returns only if a wake-up arrives.
/// </summary>
public sealed class MockWakeupsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_call_still_waiting_after_a_moment_gets_a_connection_to_the_first_listener_that_accepts()
    {
        // Given: the first listener refuses (a broker that is down), the second accepts
        using var refusing = Listener();
        var refused = (IPEndPoint)refusing.LocalEndPoint!;
        refusing.Close();
        using var accepting = Listener();
        using var wakeups = new MockWakeups { Listeners = [refused, (IPEndPoint)accepting.LocalEndPoint!] };

        // When: a call that returns only once its "mock" sees a connection
        var result = wakeups.Serve(() => accepting.Poll(Wait, SelectMode.SelectRead) ? 7 : -1);

        // Then
        result.Should().Be(7, "a wake-up reached the listener that accepts while the call waited");
    }

    [Fact]
    public void A_call_served_at_once_makes_no_connection()
    {
        using var accepting = Listener();
        using var wakeups = new MockWakeups { Listeners = [(IPEndPoint)accepting.LocalEndPoint!] };

        for (var i = 0; i < 20; i++) wakeups.Serve(() => 0).Should().Be(0);

        accepting.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead).Should().BeFalse("the mock serves most calls without help");
    }

    [Fact]
    public void After_dispose_no_call_is_taken()
    {
        using var accepting = Listener();
        var wakeups = new MockWakeups { Listeners = [(IPEndPoint)accepting.LocalEndPoint!] };
        wakeups.Serve(() => 0);

        wakeups.Dispose();

        var call = () => wakeups.Serve(() => 0);
        call.Should().Throw<ObjectDisposedException>();
    }

    private static Socket Listener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(16);
        return socket;
    }
}
