@throughput @scaling
Feature: Producers and consumers scaled with partitions
  Seed part 2 (Java client code, 2020-04-18). Brokers 105, 106 and 108, one topic, 100-byte
  messages. The seed found that partitions bound how far consumers scale out: consumers beyond the
  partition count sit idle, and more partitions per consumer cost consumer throughput because
  messages without a key are spread round-robin and every consumer polls every partition in turn.
  Where consumers are measured alone, the messages are written first and then read, so the number
  is the consumers' own speed; those consumers split the partitions by hand (consumer i reads
  partitions i, i+N, ... as a stable group's range assignment would), so that no group rebalance
  falls inside the measurement. The embedded cluster keeps only about 5 MB per partition, and a
  single read of that lasts about 0.1 s, too short to time (such reads varied 3x between runs); so
  smoke rows read the topic 10 or 20 times over (each consumer reads its partitions from the start
  to the end, then again; the passes after the first are not counted as deliveries). Those reads
  last 2 to 5 s and measured, over six to eight runs on 2 cores: 248,000-313,000 msg/s for 60,000
  messages on 3 partitions (1 to 6 consumers), 284,000-312,000 on 3 partitions and 294,000-309,000
  on 12 partitions with as many consumers, 136,000-157,000 on 1 partition and 149,000-223,000 on 32
  partitions with 2 consumers; a group of 6 read 0.98-1.03 times as fast as a group of 3.
  Smoke floors sit between half the fastest healthy read and the slowest one (190,000, 95,000,
  120,000), so a consumer slowed to half its speed misses them; producers' smoke floors are 75% of
  a paced target rate. A 14,000 KB/s cap on the one partition's leader brought the 1-partition read
  from 140,000 to 52,000-55,000 msg/s, below its floor.
  Smoke runs 2 and 4 producers and consumers (the full profile 2 to 16): with 8 producers and an
  8-member group on the embedded cluster, rebalances stalled producers for 3-5 s and left consumers
  behind in 2 of 3 CI runs. Each row adds itself to a sweep table shaped like the seed's.
  The full rows write 3M messages first, more than the embedded cluster keeps of a partition for 3
  to 48 partitions (skipped there with the numbers), and send them "as fast as they can" while a group
  reads (skipped there: the readers would have to hold whatever the producers reach). The 96-partition
  row fits (31,250 records a partition) and runs: 156,484 msg/s in 19.2 s on embedded (one run, load
  10), above the seed's 65,276 and the floor of 50,000.

  Background:
    Given a cluster of brokers 105, 106 and 108

  @producers-consumers
  Scenario Outline: <n> producers and <n> consumers on <n> partitions with replication factor 3
    Given a topic "scaled" with <n> partitions and replication factor 3
    And <n> consumers in group "scaled-readers" are reading "scaled"
    When <n> producers send <messages> messages of 100 bytes to "scaled" <pace>
    And the producers have finished within <deadline> seconds
    And the consumers have read every acknowledged message within 60 seconds
    Then every message was acknowledged
    And no acknowledged message is lost
    And every consumer received messages
    And the producers sent at least <floor> messages per second
    And the sweep table "Producers and consumers scaled with partitions" gets this row, the seed's values beside the measured ones:
      | partitions | producers | consumers | send TPS        | send time        | receive TPS        | receive time        |
      | <n>        | <n>       | <n>       | <seed send TPS> | <seed send time> | <seed receive TPS> | <seed receive time> |

    @smoke
    Examples: sized for CI
      Floor against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 2 partitions 9,992 / 9,993 / 9,998
      msg/s, 4 partitions 9,983 / 9,985 / 9,989 (floor 7,500, 75% of the pace).
      | n  | messages | pace                         | deadline | floor | seed send TPS | seed send time | seed receive TPS | seed receive time |
      | 2  | 60000    | at 10000 messages per second | 30       | 7500  | 78,529        | 38.20 s        | 81,691           | 36.756 s          |
      | 4  | 60000    | at 10000 messages per second | 30       | 7500  | 80,906        | 37.08 s        | 88,243           | 33.997 s          |

    @full @timeout:1200
    Examples: the seed's runs (3M messages, as fast as the producers can)
      | n  | messages | pace              | deadline | floor | seed send TPS | seed send time | seed receive TPS | seed receive time |
      | 2  | 3000000  | as fast as it can | 600      | 60000 | 78,529        | 38.20 s        | 81,691           | 36.756 s          |
      | 4  | 3000000  | as fast as it can | 600      | 60000 | 80,906        | 37.08 s        | 88,243           | 33.997 s          |
      | 8  | 3000000  | as fast as it can | 600      | 60000 | 87,310        | 34.36 s        | 90,342           | 33.207 s          |
      | 16 | 3000000  | as fast as it can | 600      | 60000 | 77,419        | 38.75 s        | 102,250          | 29.337 s          |

  @idle-consumers
  Scenario Outline: <consumers> consumers read 3 partitions: consumers beyond the partition count receive nothing
    Given a topic "three" with 3 partitions and replication factor 3
    And <messages> messages of 100 bytes have been written to "three"
    When <consumers> consumers in group "three-readers" read all <messages> messages of "three" <passes> within <deadline> seconds
    Then exactly <idle> consumers received no message
    And the consumers read at least <floor> messages per second
    And the sweep table "Consumers vs partitions (3 partitions)" gets this row, the seed's values beside the measured ones:
      | consumers   | consumer TPS | time        |
      | <consumers> | <seed TPS>   | <seed time> |

    @smoke
    Examples: sized for CI (the topic read 10 times over)
      Floor against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 1 consumer 282,492 / 293,448 / 303,632
      msg/s, 3 consumers 277,774 / 289,988 / 296,192, 4 consumers 275,095 / 294,736 / 295,769, 6 consumers
      281,564 / 290,372 / 291,639 (floor 190,000, below two thirds of the slowest: a read slowed to half fails it).
      | consumers | idle | messages | passes   | deadline | floor  | seed TPS | seed time |
      | 1         | 0    | 60000    | 10 times | 30       | 190000  | 86,775   | 32.117 s  |
      | 3         | 0    | 60000    | 10 times | 30       | 190000  | 99,039   | 30.291 s  |
      | 4         | 1    | 60000    | 10 times | 30       | 190000  | 97,952   | 30.627 s  |
      | 6         | 3    | 60000    | 10 times | 30       | 190000  | 100,860  | 29.974 s  |

    @full @timeout:900
    Examples: the seed's runs (3M messages)
      | consumers | idle | messages | passes | deadline | floor | seed TPS | seed time |
      | 1         | 0    | 3000000  | 1 time | 600      | 60000 | 86,775   | 32.117 s  |
      | 2         | 0    | 3000000  | 1 time | 600      | 60000 | 96,227   | 31.176 s  |
      | 3         | 0    | 3000000  | 1 time | 600      | 60000 | 99,039   | 30.291 s  |
      | 4         | 1    | 3000000  | 1 time | 600      | 60000 | 97,952   | 30.627 s  |
      | 5         | 2    | 3000000  | 1 time | 600      | 60000 | 99,212   | 30.238 s  |
      | 6         | 3    | 3000000  | 1 time | 600      | 60000 | 100,860  | 29.974 s  |

  @idle-consumers
  Scenario Outline: Consumers beyond the partition count add no throughput
    Given a topic "three" with 3 partitions and replication factor 3
    And <messages> messages of 100 bytes have been written to "three"
    When 3 consumers in group "warm-up" read all <messages> messages of "three" <passes> within <deadline> seconds
    And 3 consumers in group "group-of-3" read all <messages> messages of "three" <passes> within <deadline> seconds
    And 6 consumers in group "group-of-6" read all <messages> messages of "three" <passes> within <deadline> seconds
    Then group "group-of-6" read at most <ratio> times as fast as group "group-of-3"
    And exactly 3 consumers of group "group-of-6" received no message

    @smoke
    Examples: sized for CI (the topic read 10 times over)
      Ratio against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 0.98 / 1.01 / 1.04 (bound 1.25: 6
      consumers on 3 partitions that read faster than 3 would mean the idle ones read too).
      | messages | passes   | deadline | ratio |
      | 60000    | 10 times | 30       | 1.25  |

    @full @timeout:900
    Examples: the seed's size (3M messages; the seed saw 99,039 vs 100,860 msg/s)
      | messages | passes | deadline | ratio |
      | 3000000  | 1 time | 600      | 1.10  |

  @threads
  Scenario Outline: <partitions> partitions read by as many consumer threads
    Given a topic "wide" with <partitions> partitions and replication factor 3
    And <messages> messages of 100 bytes have been written to "wide"
    When <partitions> consumers in group "wide-readers" read all <messages> messages of "wide" <passes> within <deadline> seconds
    Then every consumer received messages
    And the consumers read at least <floor> messages per second
    And the sweep table "Partitions = consumer threads" gets this row, the seed's values beside the measured ones:
      | partitions = consumer threads | consumer TPS | time        |
      | <partitions>                  | <seed TPS>   | <seed time> |

    @smoke
    Examples: sized for CI (the topic read 10 times over)
      Floor against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 3 partitions 278,377 / 294,481 / 299,065
      msg/s, 12 partitions 299,017 / 304,279 / 308,846 (floor 190,000: a read slowed to half fails it).
      | partitions | messages | passes   | deadline | floor   | seed TPS | seed time |
      | 3          | 60000    | 10 times | 30       | 190000  | 97,952   | 30.291 s  |
      | 12         | 60000    | 10 times | 30       | 190000  | 91,681   | 32.722 s  |

    @full @timeout:900
    Examples: the seed's runs (3M messages)
      | partitions | messages | passes | deadline | floor | seed TPS | seed time |
      | 3          | 3000000  | 1 time | 600      | 50000 | 97,952   | 30.291 s  |
      | 6          | 3000000  | 1 time | 600      | 50000 | 95,907   | 31.28 s   |
      | 12         | 3000000  | 1 time | 600      | 50000 | 91,681   | 32.722 s  |
      | 24         | 3000000  | 1 time | 600      | 50000 | 87,642   | 34.23 s   |
      | 48         | 3000000  | 1 time | 600      | 50000 | 78,812   | 38.065 s  |
      | 96         | 3000000  | 1 time | 600      | 50000 | 65,276   | 45.958 s  |

  @threads
  Scenario Outline: <partitions> partitions read by 2 consumer threads
    Given a topic "two-threads" with <partitions> partitions and replication factor 3
    And <messages> messages of 100 bytes have been written to "two-threads"
    When 2 consumers in group "two-threads-readers" read all <messages> messages of "two-threads" <passes> within <deadline> seconds
    Then exactly <idle> consumers received no message
    And the consumers read at least <floor> messages per second
    And the sweep table "Partitions with 2 consumer threads" gets this row, the seed's values beside the measured ones:
      | partitions (2 consumer threads) | consumer TPS | time        |
      | <partitions>                    | <seed TPS>   | <seed time> |

    @smoke
    Examples: sized for CI (one partition keeps about 5 MB on the embedded cluster; the topic read 20 times over)
      Floors against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: 1 partition 137,148 / 138,363 / 139,058
      msg/s (floor 95,000; a 14,000 KB/s cap on the connections measured 52,000-55,000 msg/s here on
      2026-11-26), 32 partitions 181,141 / 200,645 / 277,702 (floor 120,000).
      | partitions | idle | messages | passes   | deadline | floor   | seed TPS | seed time |
      | 1          | 1    | 30000    | 20 times | 30       | 95000   | 92,610   | 32.393 s  |
      | 32         | 0    | 30000    | 20 times | 30       | 120000  | 88,670   | 33.832 s  |

    @full @timeout:900
    Examples: the seed's runs (3M messages)
      | partitions | idle | messages | passes | deadline | floor | seed TPS | seed time |
      | 1          | 1    | 3000000  | 1 time | 600      | 50000 | 92,610   | 32.393 s  |
      | 2          | 0    | 3000000  | 1 time | 600      | 50000 | 93,120   | 32.216 s  |
      | 4          | 0    | 3000000  | 1 time | 600      | 50000 | 92,420   | 32.460 s  |
      | 8          | 0    | 3000000  | 1 time | 600      | 50000 | 91,270   | 32.866 s  |
      | 16         | 0    | 3000000  | 1 time | 600      | 50000 | 90,240   | 33.244 s  |
      | 32         | 0    | 3000000  | 1 time | 600      | 50000 | 88,670   | 33.832 s  |
