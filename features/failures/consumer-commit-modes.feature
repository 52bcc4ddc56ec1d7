@failure @delivery @commit-modes
Feature: What a consumer loses or reads twice, depending on how it commits
  The seed's consumer settings: enable.auto.commit=false with a commit after processing, and
  auto.offset.reset=latest. A consumer is crashed mid-run (no close, no final commit) and
  restarted; the suite counts what the group never processed and what it processed twice.
  A new group with auto.offset.reset=latest skips what was written before it joined; earliest
  does not.

  Background:
    Given a cluster of brokers 105, 106 and 108
    And a topic "c" with 3 partitions and replication factor 3

  @consumer-crash
  Scenario Outline: A consumer that commits <commit mode> crashes mid-run and is restarted
    Given 1 consumer in group "crashing" is reading "c", committing <commit mode>
    When a producer sends <messages> messages of 100 bytes to "c" at <rate> messages per second
    And 40% of the messages have been acknowledged
    And consumer 1 of group "crashing" crashes
    And 1 second has passed
    And consumer 1 of group "crashing" is restarted
    And the producer has finished within 60 seconds
    And the consumers have read every message they can within 30 seconds
    Then the number of messages the consumers never processed is <never processed>
    And the number of messages delivered twice is <delivered twice>

    @smoke
    Examples: sized for CI
      | commit mode           | messages | rate  | never processed | delivered twice |
      | automatically         | 60000    | 20000 | reported        | reported        |
      | after processing      | 60000    | 20000 | 0               | reported        |

    @full @timeout:900
    Examples: the seed's scale (1M messages)
      | commit mode           | messages | rate   | never processed | delivered twice |
      | automatically         | 1000000  | 100000 | reported        | reported        |
      | after processing      | 1000000  | 100000 | 0               | reported        |

  @offset-reset
  Scenario Outline: A new group with auto.offset.reset=<reset> reads <before> of the messages written before it joined
    Given 1000 messages of 100 bytes have been written to "c"
    And the consumers use these settings:
      | setting           | value   |
      | auto.offset.reset | <reset> |
    And 2 consumers in group "late-<reset>" are reading "c"
    When a producer sends 1000 messages of 100 bytes to "c" at 5000 messages per second
    And the producer has finished within 30 seconds
    And the consumers have read every message they can within 30 seconds
    Then group "late-<reset>" read <before> of the messages written before it joined
    And group "late-<reset>" read all of the messages written after it joined

    @smoke
    Examples:
      | reset    | before |
      | latest   | 0      |
      | earliest | 1000   |
