@throughput @scaling @partitions
Feature: Throughput as the number of partitions grows, read by 10 consumers
  Seed part 1.3. Brokers 105, 106 and 108; one topic of N partitions; 10 consumers; 100M messages
  of 100 bytes sent as fast as the producer could. The seed's producer reached 1.23-1.34M msg/s,
  its latency grew from 2.9 ms at 16 partitions to 12.26 ms at 256, and at 256 partitions the
  consumer died of java.lang.OutOfMemoryError.
  Here the consumers read while the producer writes (the embedded cluster keeps only about 5 MB
  per partition). Each row adds itself to the sweep table "Effect of the number of partitions".
  The full rows' floors of 900,000-1,000,000 msg/s compare with the seed's 3 brokers of 4 cores each;
  on the embedded cluster (one mock thread in the test process, where a producer alone reached
  826,000-922,000 msg/s) they would judge the mock, so they are skipped there before they start.

  Background:
    Given a cluster of brokers 105, 106 and 108

  Scenario Outline: 10 consumers read a topic of <partitions> partitions
    Given a topic "parts" with <partitions> partitions and replication factor 1
    And 10 consumers in group "parts-readers" are reading "parts"
    When a producer sends <messages> messages of 100 bytes to "parts" <pace>
    And the producer has finished within <deadline> seconds
    And the consumers have read every acknowledged message within 60 seconds
    Then every message was acknowledged
    And no acknowledged message is lost
    And every consumer received messages
    And the producer sent at least <floor> messages per second
    And the sweep table "Effect of the number of partitions" gets this row, the seed's values beside the measured ones:
      | partitions   | producer RT (ms) | producer TPS | consumer TPS        |
      | <partitions> | <seed RT>        | <seed TPS>   | <seed consumer TPS> |

    @smoke
    Examples: sized for CI
      Floor against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 16 partitions 9,977 / 9,991 / 9,994
      msg/s, 256 partitions 9,881 / 9,981 / 9,993 (floor 7,500, 75% of the pace: a producer that cannot hold
      three quarters of its pace fails it).
      | partitions | messages | pace                          | deadline | floor | seed RT | seed TPS  | seed consumer TPS |
      | 16         | 60000    | at 10000 messages per second  | 30       | 7500  | 2.90    | 1,336,800 | 2,601,400         |
      | 256        | 60000    | at 10000 messages per second  | 30       | 7500  | 12.26   | 1,265,400 | consumer died: java.lang.OutOfMemoryError |

    @full @timeout:1800
    Examples: the seed's runs (as fast as the producer can)
      | partitions | messages  | pace              | deadline | floor   | seed RT | seed TPS  | seed consumer TPS |
      | 16         | 100000000 | as fast as it can | 1500     | 1000000 | 2.90    | 1,336,800 | 2,601,400         |
      | 32         | 100000000 | as fast as it can | 1500     | 1000000 | 4.23    | 1,342,100 | 2,797,500         |
      | 64         | 100000000 | as fast as it can | 1500     | 1000000 | 4.32    | 1,231,700 | 2,708,800         |
      | 128        | 100000000 | as fast as it can | 1500     | 1000000 | 7.61    | 1,263,400 | 2,216,600         |
      | 256        | 100000000 | as fast as it can | 1500     | 1000000 | 12.26   | 1,265,400 | consumer died: java.lang.OutOfMemoryError |
