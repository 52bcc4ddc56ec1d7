@failure @delivery @faults @java-producer
Feature: Leader 105 dies under the seed's Java producer settings
  Seed part 2.3. Topic s1, 3 partitions, replication factor 3. Two threads share one producer and
  send 1M messages of a fixed 100-character value asynchronously, a callback checks each result,
  and a counting interceptor reports successes, failures and elapsed time. Broker 105, the leader
  of a partition, is killed; leadership moved to 106; both clients logged errors for a short time.
  The seed's result: 1M messages delivered, none lost.
  The producer settings are the seed's. Java's buffer.memory=33554432 is librdkafka's
  queue.buffering.max.kbytes=32768; the suite translates it and says so in the report.

  Background:
    Given a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds
    And a topic "s1" with 3 partitions and replication factor 3
    And broker 105 leads at least one partition of "s1"
    And the producer uses these settings:
      | setting                               | value    |
      | acks                                  | all      |
      | retries                               | 3        |
      | max.in.flight.requests.per.connection | 1        |
      | batch.size                            | 16384    |
      | linger.ms                             | 1        |
      | buffer.memory                         | 33554432 |

  @requires-hard-kill
  Scenario Outline: 2 threads sharing one producer send <messages> messages while leader 105 dies
    Given 3 consumers in group "s1-readers" are reading "s1"
    When 2 threads sharing one producer send <messages> messages of 100 bytes to "s1" <pace>
    And <kill at>% of the messages have been acknowledged
    And broker 105 is killed
    And the producer has finished within <deadline> seconds
    And the consumers have read every acknowledged message within 60 seconds
    Then every partition of "s1" that broker 105 led has a new leader among brokers 106 and 108
    And the producer counted <messages> successes and 0 failures
    And no acknowledged message is lost
    And the order within every partition is kept
    And the producer stalled for at most <producer stall> seconds

    @smoke
    Examples: sized for CI
      Stall bound against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 2.01 / 2.36 / 2.61 s (bound 10 s):
      the 2 s detection delay plus a retry; threads that keep sending to the dead leader break it.
      | messages | pace                         | kill at | deadline | producer stall | seed                                     |
      | 90000    | at 30000 messages per second | 30      | 60       | 10             | leader 105 -> 106; 1M delivered, none lost |

    @full @timeout:1800
    Examples: the seed's run (1M messages as fast as the two threads can)
      | messages | pace              | kill at | deadline | producer stall | seed                                     |
      | 1000000  | as fast as it can | 30      | 1200     | 30             | leader 105 -> 106; 1M delivered, none lost |
