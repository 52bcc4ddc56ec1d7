@report
Feature: What the report shows a product owner
  Product owners read these features and the Allure report. So every Then step that checks a number
  shows what was measured beside its bound, passed or failed (e.g. "measured: stalled 2.1 s ...").
  Around each fault the report shows the cluster as the seed's monitoring screens did: brokers up,
  down, paused or cut off, and per partition the leader, the replicas and the in-sync replicas, right
  before the fault, once it has taken effect and after its heal, with the rows that changed marked.
  Every acknowledged message that was not read is put down to the cause the history proves. Rows
  sized for another profile stay in the report, marked "not in this profile".

  @faults @broker-kill @requires-hard-kill
  Scenario Outline: Broker 106 is killed and started again while <messages> messages are sent
    Given a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds
    And a topic "shown" with 3 partitions and replication factor 3
    And broker 106 leads at least one partition of "shown"
    And 3 consumers in group "shown-readers" are reading "shown"
    When a producer sends <messages> messages of 100 bytes to "shown" <pace>
    And 30% of the messages have been acknowledged
    And broker 106 is killed
    And 3 seconds have passed
    And broker 106 is started again
    And the producer has finished within <deadline> seconds
    And the consumers have read every acknowledged message within <deadline> seconds
    Then every partition of "shown" that broker 106 led has a new leader among brokers 105 and 108
    And no partition of "shown" is led by broker 106
    And every message was acknowledged
    And no acknowledged message is lost
    And the producer stalled for at most 10 seconds
    And the consumers resumed within 20 seconds of the kill

    @smoke
    Examples: sized for CI (the embedded cluster keeps about 5 MB per partition)
      Bounds against 5 healthy runs (.ci/soak 5, embedded, 2 cores, 2026-11-29), min / median / max: stall 2.44 / 2.74 / 2.79 s (bound 10 s),
      consumers reading again 2.00 / 2.00 / 2.01 s after the kill (bound 20 s).
      | messages | pace                         | deadline |
      | 40000    | at 10000 messages per second | 60       |

    @full @timeout:2400
    Examples: the seed's run
      | messages  | pace                          | deadline |
      | 100000000 | at 100000 messages per second | 1500     |

  @retention
  Scenario: A group that comes late finds the oldest messages dropped by the target's retention
    Given a cluster of brokers 105, 106 and 108
    And a topic "retained" with 1 partition and replication factor 1
    And 200000 messages of 100 bytes have been written to "retained", more than the target keeps
    And the consumers use these settings:
      | setting           | value    |
      | auto.offset.reset | earliest |
    And 1 consumer in group "late" is reading "retained"
    When the consumers have read every message they can within 10 seconds
    Then the messages group "late" could not read were dropped by the target's retention
