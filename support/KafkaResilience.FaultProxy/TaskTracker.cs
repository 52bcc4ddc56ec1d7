using System.Collections.Concurrent;

namespace KafkaResilience.FaultProxy;

/// <summary>Remembers every background task (accept loops, pumps) so disposal can wait for all of them.</summary>
internal sealed class TaskTracker
{
    private readonly ConcurrentDictionary<Task, byte> tasks = new();

    public int Count => tasks.Count;

    public void Track(Task task)
    {
        tasks.TryAdd(task, 0);
        task.ContinueWith(
            static (finished, state) => ((TaskTracker)state!).tasks.TryRemove(finished, out _),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits until no tracked task is left, or the timeout passes; true when all finished.</summary>
    public async Task<bool> WaitAllAsync(TimeSpan timeout, TimeProvider timeProvider)
    {
        var deadline = timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency);
        for (var round = 0; round < 1000 && !tasks.IsEmpty; round++)
        {
            var remaining = deadline - timeProvider.GetTimestamp();
            if (remaining <= 0)
            {
                return false;
            }

            var snapshot = tasks.Keys.ToArray();
            try
            {
                await Task.WhenAll(snapshot)
                    .WaitAsync(TimeSpan.FromSeconds((double)remaining / timeProvider.TimestampFrequency), timeProvider)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
            catch (Exception)
            {
                // A pump that failed is finished too; its error was already handled where it happened.
            }

            // The removal continuation may not have run yet for tasks WhenAll saw finish: forget them
            // here, so the bounded loop does not spin through its rounds and report a false timeout.
            foreach (var finished in snapshot)
            {
                if (finished.IsCompleted)
                {
                    tasks.TryRemove(finished, out _);
                }
            }
        }

        return tasks.Keys.All(task => task.IsCompleted);
    }
}
