@self-test
Feature: Calculator
  The runner's own features: they exercise backgrounds, rules, outlines with several Examples
  blocks, tables and doc strings through the xUnit host.

  Background:
    Given the total is 10

  Scenario: adding one number
    When I add 5
    Then the total is 15

  Scenario: adding a table and a doc string
    When I add these numbers:
      | number |
      | 1      |
      | 2      |
    And I add the numbers in:
      """
      3
      4
      """
    Then the total is 20

  @outline
  Scenario Outline: adding <value>
    When I add <value>
    Then the total is <total>

    @smoke
    Examples: small
      | value | total |
      | 1     | 11    |
      | -10   | 0     |

    @full
    Examples: large
      | value   | total   |
      | 1000000 | 1000010 |

  @rule-level
  Rule: a rule with its own background
    Background:
      When I add 100

    Scenario: the rule background runs after the feature background
      Then the total is 110

  @ignore
  Scenario: ignored by tag
    Then the total is -1

  Scenario: skipped by a binding at run time
    When a real Kafka is required
    Then the total is -1
