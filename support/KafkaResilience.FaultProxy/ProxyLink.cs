using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// One direction of a proxied connection. With no toxic on the direction and nothing queued, the
/// reader pump forwards each read itself (no hand-off, no allocation). Otherwise it stamps the
/// chunk and queues it for the writer pump, which passes it through the direction's current toxic
/// chain (so latency is pipelined as in Toxiproxy). Toxics added or removed while the connection
/// lives take effect on the next chunk, like Toxiproxy's links.
/// </summary>
internal sealed class ProxyLink
{
    private const int ReadBufferSize = 128 * 1024;
    private const int CopyThreshold = 8 * 1024;
    private const int ChannelCapacity = 1024;

    /// <summary>How often an early timeout timer is re-armed for the rest of its time (each re-arm waits at least 1 ms).</summary>
    private const int MaxTimeoutRearms = 100;

    private readonly ProxyConnection owner;
    private readonly ProxyHost host;
    private readonly ServerContext context;
    private readonly Socket source;
    private readonly Socket destination;
    private readonly Channel<Chunk> channel;
    private readonly Lock stateGate = new();
    private Dictionary<string, LinkToxicState> states = new(StringComparer.Ordinal);
    private LinkToxicState[] ordered = [];
    private long syncedVersion = -1;
    private CancellationTokenSource? waitCts;
    private int queued;

    public ProxyLink(ProxyConnection owner, ProxyHost host, ServerContext context, StreamDirection direction, Socket source, Socket destination)
    {
        this.owner = owner;
        this.host = host;
        this.context = context;
        Direction = direction;
        this.source = source;
        this.destination = destination;
        channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
    }

    public StreamDirection Direction { get; }

    public Task RunAsync() => Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(WriteLoopAsync));

    /// <summary>Stops the writer from waiting for more input (used when the connection is torn down).</summary>
    public void CompleteInput() => channel.Writer.TryComplete();

    /// <summary>Returns the buffers of chunks still queued once both pumps have stopped.</summary>
    public void ReleaseQueuedBuffers()
    {
        while (channel.Reader.TryRead(out var chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        lock (stateGate)
        {
            foreach (var state in states.Values)
            {
                state.Active = false;
                state.Timer?.Dispose();
            }

            waitCts?.Dispose();
            waitCts = null;
        }
    }

    /// <summary>
    /// Brings this link's per-toxic state in line with <paramref name="chain"/>: rolls toxicity for new
    /// or updated toxics, arms timeout timers, and (as Toxiproxy's timeout cleanup does) closes the
    /// connection when an applied timeout toxic is removed.
    /// </summary>
    public void Sync(ToxicChain chain)
    {
        var closeAfterward = false;
        lock (stateGate)
        {
            // Versions only grow, so a pump that read an older chain never rolls the link back.
            if (chain.Version <= syncedVersion || owner.IsClosed)
            {
                return;
            }

            var next = new Dictionary<string, LinkToxicState>(StringComparer.Ordinal);
            var list = new LinkToxicState[chain.Toxics.Count];
            for (var i = 0; i < chain.Toxics.Count; i++)
            {
                var toxic = chain.Toxics[i];
                if (states.TryGetValue(toxic.Name, out var state) && state.Toxic.Kind == toxic.Kind)
                {
                    if (!ReferenceEquals(state.Toxic, toxic))
                    {
                        state.Toxic = toxic;
                        state.Applies = Roll(toxic);
                        state.Timer?.Dispose();
                        state.Timer = null;
                        ArmTimeout(state);
                    }
                }
                else
                {
                    state = new LinkToxicState(toxic, Roll(toxic));
                    ArmTimeout(state);
                }

                next[toxic.Name] = state;
                list[i] = state;
            }

            foreach (var (name, old) in states)
            {
                if (!next.ContainsKey(name))
                {
                    old.Active = false;
                    old.Timer?.Dispose();
                    closeAfterward |= old.Toxic.Kind == ToxicKind.Timeout && old.Applies;
                }
            }

            states = next;
            ordered = list;
            syncedVersion = chain.Version;
            waitCts?.Dispose();
            waitCts = CancellationTokenSource.CreateLinkedTokenSource(chain.Superseded, owner.Closing);
        }

        if (closeAfterward)
        {
            owner.CloseSocket(destination);
        }
    }

    private bool Roll(ToxicDefinition toxic) => context.Random.NextDouble() < toxic.Toxicity;

    private void ArmTimeout(LinkToxicState state)
    {
        if (state.Toxic.Kind != ToxicKind.Timeout || !state.Applies || state.Toxic.Attribute(0) <= 0)
        {
            return;
        }

        state.TimeoutDue = context.TimeProvider.GetTimestamp() + context.MillisecondsToTicks(state.Toxic.Attribute(0));
        state.TimeoutRearms = 0;
        state.Timer = context.TimeProvider.CreateTimer(
            static s =>
            {
                var (link, toxicState) = ((ProxyLink, LinkToxicState))s!;
                link.OnTimeoutExpired(toxicState);
            },
            (this, state),
            TimeSpan.FromMilliseconds(state.Toxic.Attribute(0)),
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Closes the link once the timeout has passed on the high-resolution clock. The runtime's timer
    /// queue counts time more coarsely than <see cref="System.Diagnostics.Stopwatch"/>: with other timers
    /// running (as in a proxy) and the machine under load, a timer can fire before its time on a Stopwatch.
    /// When the timer fires early it is re-armed for what is left (a bounded number of times), so the toxic
    /// never closes before its time (ToxicBehaviourTests drives it with timers that fire early).
    /// </summary>
    private void OnTimeoutExpired(LinkToxicState state)
    {
        lock (stateGate)
        {
            if (!state.Active || state.Toxic.Kind != ToxicKind.Timeout)
            {
                return;
            }

            var remaining = state.TimeoutDue - context.TimeProvider.GetTimestamp();
            if (remaining > 0 && state.TimeoutRearms < MaxTimeoutRearms && state.Timer is { } timer)
            {
                state.TimeoutRearms++;
                timer.Change(RoundUpToMilliseconds(remaining), Timeout.InfiniteTimeSpan);
                return;
            }
        }

        owner.CloseSocket(destination);
    }

    /// <summary>Timer periods in whole milliseconds, rounded up: timers truncate, and a toxic never waits less than asked.</summary>
    private TimeSpan RoundUpToMilliseconds(long ticks) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min((double)ticks * 1000 / context.TimeProvider.TimestampFrequency, TimeSpan.FromDays(1).TotalMilliseconds)));

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            while (true)
            {
                var read = await source.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                // A frozen proxy holds this chunk and reads nothing more until it thaws.
                await host.WhenThawedAsync(owner.Closing).ConfigureAwait(false);

                // Fast path: no toxic on this direction and nothing queued before this chunk, so the
                // reader forwards the bytes itself (no hand-off, no copy, no allocation).
                if (Volatile.Read(ref queued) == 0 && host.Chain(Direction).IsEmpty)
                {
                    await SendAllAsync(buffer, 0, read).ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref queued);
                Chunk chunk;
                if (read <= CopyThreshold)
                {
                    var small = ArrayPool<byte>.Shared.Rent(read);
                    Buffer.BlockCopy(buffer, 0, small, 0, read);
                    chunk = new Chunk(small, read, context.TimeProvider.GetTimestamp());
                }
                else
                {
                    chunk = new Chunk(buffer, read, context.TimeProvider.GetTimestamp());
                    buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
                }

                if (!channel.Writer.TryWrite(chunk))
                {
                    try
                    {
                        await channel.Writer.WriteAsync(chunk).ConfigureAwait(false);
                    }
                    catch (ChannelClosedException)
                    {
                        Interlocked.Decrement(ref queued);
                        ArrayPool<byte>.Shared.Return(chunk.Buffer);
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The source ended abruptly (reset, closed by the other pump, or proxy stopped): like EOF.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            channel.Writer.TryComplete();
        }
    }

    private async Task WriteLoopAsync()
    {
        var keepOpenAfterward = false;
        try
        {
            var reader = channel.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var chunk))
                {
                    bool proceed;
                    try
                    {
                        await host.WhenThawedAsync(owner.Closing).ConfigureAwait(false);
                        var chain = host.Chain(Direction);
                        if (chain.IsEmpty)
                        {
                            await SendAllAsync(chunk.Buffer, 0, chunk.Length).ConfigureAwait(false);
                            proceed = true;
                        }
                        else
                        {
                            proceed = await ProcessAsync(chunk, chain).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(chunk.Buffer);
                        Interlocked.Decrement(ref queued);
                    }

                    if (!proceed)
                    {
                        keepOpenAfterward = owner.IsClosed;
                        return;
                    }
                }
            }

            await CloseAfterEndOfStreamAsync().ConfigureAwait(false);
            keepOpenAfterward = true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or ChannelClosedException)
        {
            // The destination is gone (reset or closed): close it, the other pump follows.
        }
        finally
        {
            channel.Writer.TryComplete();
            if (!keepOpenAfterward)
            {
                owner.CloseSocket(destination);
            }
        }
    }

    /// <summary>Runs one chunk through the toxics; false when a toxic ended the connection.</summary>
    private async Task<bool> ProcessAsync(Chunk chunk, ToxicChain chain)
    {
        Sync(chain);
        LinkToxicState[] toxics;
        CancellationToken interrupt;
        lock (stateGate)
        {
            toxics = ordered;
            interrupt = waitCts?.Token ?? owner.Closing;
        }

        var timestamp = chunk.Timestamp;
        var length = chunk.Length;
        var closeAfterSend = false;
        var interrupted = false;
        List<LinkToxicState>? pacers = null;

        foreach (var state in toxics)
        {
            if (!state.Applies || interrupted)
            {
                continue;
            }

            var toxic = state.Toxic;
            switch (toxic.Kind)
            {
                case ToxicKind.Latency:
                {
                    var delay = toxic.Attribute(0);
                    var jitter = toxic.Attribute(1);
                    if (jitter > 0)
                    {
                        delay += context.Random.NextInt64(jitter * 2) - jitter;
                    }

                    var due = timestamp + context.MillisecondsToTicks(Math.Max(0, delay));
                    interrupted = !await WaitUntilAsync(due, interrupt).ConfigureAwait(false);
                    timestamp = due;
                    break;
                }

                case ToxicKind.Timeout:
                    return true; // data is dropped while the toxic is active; its timer closes the link

                case ToxicKind.ResetPeer:
                    await SleepAsync(context.MillisecondsToTicks(toxic.Attribute(0)), owner.Closing).ConfigureAwait(false);
                    owner.Abort();
                    return false;

                case ToxicKind.LimitData:
                {
                    var remaining = toxic.Attribute(0) - state.BytesTransmitted;
                    if (remaining <= 0)
                    {
                        owner.CloseSocket(destination);
                        return false;
                    }

                    if (length > remaining)
                    {
                        length = (int)remaining;
                    }

                    state.BytesTransmitted += length;
                    closeAfterSend |= state.BytesTransmitted >= toxic.Attribute(0);
                    break;
                }

                case ToxicKind.Bandwidth:
                case ToxicKind.Slicer:
                    (pacers ??= []).Add(state);
                    break;

                case ToxicKind.SlowClose:
                    break;
            }
        }

        if (pacers is null || interrupted)
        {
            await SendAllAsync(chunk.Buffer, 0, length).ConfigureAwait(false);
        }
        else
        {
            await SendPacedAsync(chunk.Buffer, length, pacers, interrupt).ConfigureAwait(false);
        }

        if (closeAfterSend)
        {
            owner.CloseSocket(destination);
            return false;
        }

        return true;
    }

    private async Task SendPacedAsync(byte[] buffer, int length, List<LinkToxicState> pacers, CancellationToken interrupt)
    {
        var offset = 0;
        for (var pieces = 0; offset < length; pieces++)
        {
            if (interrupt.IsCancellationRequested)
            {
                await SendAllAsync(buffer, offset, length - offset).ConfigureAwait(false);
                return;
            }

            var piece = length - offset;
            foreach (var state in pacers)
            {
                var toxic = state.Toxic;
                if (toxic.Kind == ToxicKind.Slicer)
                {
                    var size = toxic.Attribute(0);
                    var variation = toxic.Attribute(1);
                    if (variation > 0)
                    {
                        size += context.Random.NextInt64(variation * 2) - variation;
                    }

                    piece = (int)Math.Min(piece, Math.Max(1, size));
                    var delayMicros = toxic.Attribute(2);
                    if (delayMicros > 0 && !await DelayAsync(context.MillisecondsToTicks(delayMicros / 1000.0), interrupt).ConfigureAwait(false))
                    {
                        continue;
                    }
                }
                else
                {
                    var rate = toxic.Attribute(0);
                    if (rate <= 0)
                    {
                        // Toxiproxy makes no progress at rate 0: hold the data until the toxic changes.
                        await DelayAsync(long.MaxValue / 4, interrupt).ConfigureAwait(false);
                        continue;
                    }

                    piece = (int)Math.Min(piece, rate * 100);
                    var now = context.TimeProvider.GetTimestamp();
                    var start = Math.Max(now, state.BandwidthNextFree);
                    var due = start + (long)(piece * (double)context.TimeProvider.TimestampFrequency / (rate * 1000.0));
                    state.BandwidthNextFree = due;
                    await WaitUntilAsync(due, interrupt).ConfigureAwait(false);
                }
            }

            await SendAllAsync(buffer, offset, piece).ConfigureAwait(false);
            offset += piece;
        }
    }

    private async Task CloseAfterEndOfStreamAsync()
    {
        var chain = host.Chain(Direction);
        if (!chain.IsEmpty || ordered.Length > 0)
        {
            Sync(chain);
            LinkToxicState[] toxics;
            lock (stateGate)
            {
                toxics = ordered;
            }

            long slowClose = 0;
            long? reset = null;
            var timedOut = false;
            foreach (var state in toxics.Where(s => s.Applies))
            {
                switch (state.Toxic.Kind)
                {
                    case ToxicKind.SlowClose:
                        slowClose += state.Toxic.Attribute(0);
                        break;
                    case ToxicKind.ResetPeer:
                        reset ??= state.Toxic.Attribute(0);
                        break;
                    case ToxicKind.Timeout:
                        timedOut = true;
                        break;
                }
            }

            if (slowClose > 0 && !timedOut)
            {
                await SleepAsync(context.MillisecondsToTicks(slowClose), owner.Closing).ConfigureAwait(false);
            }

            if (reset is { } resetAfter)
            {
                await SleepAsync(context.MillisecondsToTicks(resetAfter), owner.Closing).ConfigureAwait(false);
                owner.Abort();
                return;
            }
        }

        owner.CloseSocket(destination);
    }

    private async Task SendAllAsync(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            var sent = await destination.SendAsync(buffer.AsMemory(offset, count), SocketFlags.None).ConfigureAwait(false);
            if (sent <= 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            offset += sent;
            count -= sent;
        }
    }

    /// <summary>
    /// Waits until a timestamp (never earlier: timers may fire early, so the
    /// wait repeats until the clock has passed it); false when interrupted (chain changed or closing).
    /// </summary>
    private async Task<bool> WaitUntilAsync(long dueTimestamp, CancellationToken interrupt)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var remaining = dueTimestamp - context.TimeProvider.GetTimestamp();
            if (remaining <= 0)
            {
                break;
            }

            if (!await DelayAsync(remaining, interrupt).ConfigureAwait(false))
            {
                return false;
            }
        }

        return !interrupt.IsCancellationRequested;
    }

    private Task<bool> SleepAsync(long ticks, CancellationToken interrupt) =>
        WaitUntilAsync(context.TimeProvider.GetTimestamp() + ticks, interrupt);

    private async Task<bool> DelayAsync(long ticks, CancellationToken interrupt)
    {
        if (ticks <= 0)
        {
            return !interrupt.IsCancellationRequested;
        }

        await Task.Delay(RoundUpToMilliseconds(ticks), context.TimeProvider, interrupt)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !interrupt.IsCancellationRequested;
    }
}
