@failure @delivery @delivery-matrix
Feature: Which producer settings lose, duplicate or reorder messages when a broker fails
  The seed's conclusion: a misconfigured Kafka loses messages, and not losing them costs
  throughput. acks=all, retries, a callback that checks every result, and
  max.in.flight.requests.per.connection=1 (order kept when retrying) are its safe settings.
  Each row names the producer settings and a fault that provokes retries (a broker kill, or the
  leader's responses held back so that requests time out after they were written), and states what
  it must show: 0 means "must be none"; "reported" means the settings allow it, so the suite
  counts it and reports the exact number instead of asserting it away.
  Rows that need real acks semantics or real idempotent deduplication are skipped on the embedded
  cluster with the reason (it ignores acks and deduplicates only transactional producers).

  Background:
    Given a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds
    And a topic "d" with 3 partitions and replication factor 3
    And 3 consumers in group "d-readers" are reading "d"

  Scenario Outline: acks=<acks>, retries=<retries>, idempotence <idempotence>, <in flight> in flight, while <fault>
    Given the producer uses these settings:
      | setting                               | value         |
      | acks                                  | <acks>        |
      | retries                               | <retries>     |
      | enable.idempotence                    | <idempotence> |
      | max.in.flight.requests.per.connection | <in flight>   |
      | request.timeout.ms                    | 1000          |
      | message.timeout.ms                    | 30000         |
    When a producer sends <messages> messages of 100 bytes to "d" at <rate> messages per second
    And 30% of the messages have been acknowledged
    And <fault>
    And the producer has finished within 60 seconds
    And the consumers have read every message they can within 30 seconds
    Then the number of lost messages is <lost>
    And the number of messages written twice is <written twice>
    And the number of messages out of order is <out of order>
    And the number of failed sends is <failed>

    @smoke
    Examples: what the embedded cluster models honestly
      | acks | retries    | idempotence | in flight | fault                                                                       | messages | rate  | lost     | written twice | out of order | failed   |
      | all  | 2147483647 | false       | 1         | the leader of partition 0 of "d" is killed                                  | 60000    | 20000 | 0        | reported      | 0            | 0        |
      | all  | 0          | false       | 1         | the responses of the leader of partition 0 of "d" are held back for 3 seconds | 60000    | 20000 | 0        | 0             | 0            | reported |
      | all  | 2147483647 | false       | 5         | the responses of the leader of partition 0 of "d" are held back for 3 seconds | 60000    | 20000 | 0        | reported      | reported     | 0        |
      | 0    | 0          | false       | 5         | the leader of partition 0 of "d" is killed                                  | 60000    | 20000 | reported | 0             | reported     | reported |

    @smoke @requires-acks-semantics
    Examples: acks=1 answers before the followers have the data (needs real replication)
      | acks | retries    | idempotence | in flight | fault                                      | messages | rate  | lost     | written twice | out of order | failed   |
      | 1    | 2147483647 | false       | 5         | the leader of partition 0 of "d" is killed | 60000    | 20000 | reported | reported      | reported     | reported |

    @smoke @requires-idempotent-dedup
    Examples: the idempotent producer writes every message exactly once and in order
      | acks | retries    | idempotence | in flight | fault                                                                       | messages | rate  | lost | written twice | out of order | failed |
      | all  | 2147483647 | true        | 5         | the leader of partition 0 of "d" is killed                                  | 60000    | 20000 | 0    | 0             | 0            | 0      |
      | all  | 2147483647 | true        | 5         | the responses of the leader of partition 0 of "d" are held back for 3 seconds | 60000    | 20000 | 0    | 0             | 0            | 0      |

    @full @timeout:1200
    Examples: the seed's scale (1M messages at 100,000 msg/s)
      | acks | retries    | idempotence | in flight | fault                                                                       | messages | rate   | lost     | written twice | out of order | failed   |
      | all  | 3          | false       | 1         | the leader of partition 0 of "d" is killed                                  | 1000000  | 100000 | 0        | reported      | 0            | 0        |
      | all  | 0          | false       | 1         | the responses of the leader of partition 0 of "d" are held back for 3 seconds | 1000000  | 100000 | 0        | 0             | 0            | reported |
      | 0    | 0          | false       | 5         | the leader of partition 0 of "d" is killed                                  | 1000000  | 100000 | reported | 0             | reported     | reported |
