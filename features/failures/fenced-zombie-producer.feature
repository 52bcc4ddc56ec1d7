@failure @transactions @fencing
Feature: A zombie producer is fenced and its writes are never read as committed
  Two producers with the same transactional.id: the first ("old") is writing transactions when a
  second takes its transactional.id over, as a restarted instance of an application does while the
  old one still runs (a GC pause, a network partition: the zombie). Kafka bumps the producer epoch on
  the second InitTransactions, aborts the old producer's open transaction and fences it: its next
  send or commit fails, and none of its commits asked for after the takeover may succeed. A
  read_committed group must read no aborted message and every committed transaction whole or not at
  all, the old producer's last one included.
  The embedded cluster cannot run it: its InitProducerId gives the second producer a new producer id
  at epoch 0 instead of bumping the epoch, so the old one is never fenced (measured by
  tests/KafkaResilience.Embedded.Tests, EmbeddedCluster_Transactions: the old producer committed after
  the takeover and its messages were read); its Fetch ignores isolation.level besides. The docker and
  external targets run it.

  Background:
    Given a cluster of brokers 105, 106 and 108
    And a topic "z" with 3 partitions and replication factor 3

  @requires-producer-fencing @requires-read-committed
  Scenario Outline: A second producer takes the transactional.id over after <takeover at>% of the old one's messages are committed
    Given the producer writes in transactions of <transaction> messages across 3 partitions
    And 3 read_committed consumers in group "z-audit" are reading "z"
    When a transactional producer "old" sends <messages> messages of 100 bytes to "z" at <rate> messages per second
    And <takeover at>% of the transactional messages have been committed
    And a new producer takes over the transactional.id of "old" and sends <messages> messages of 100 bytes to "z" at <rate> messages per second
    And the transactional producers have finished within <deadline> seconds
    And the consumers have read every committed message within <deadline> seconds
    Then the producer was fenced 1 time
    And no aborted message is read
    And every committed transaction is read whole or not at all
    And no committed message is lost

    @smoke
    Examples: sized for CI
      Not measured on a target that can run it (docker, external): the deadlines must be measured there. Run on
      embedded with the tags removed (2026-12-07, load 11), the steps ran and "the producer was fenced 1 time"
      failed as the mock's InitProducerId predicts: "fenced 0 time(s) in 1 takeover(s) of a transactional.id; 60
      commits of a fenced producer succeeded; first: txn old#41 (committed) of p0 (old): commit asked for at +3.454 s,
      after p1 (old-2) took old at +3.445 s, and it committed"; both producers were done 5.1 s after their step.
      | messages | rate | takeover at | transaction | deadline |
      | 10000    | 2000 | 30          | 100         | 60       |

    @full @timeout:900
    Examples: a million messages
      | messages | rate  | takeover at | transaction | deadline |
      | 1000000  | 20000 | 30          | 1000        | 300      |
