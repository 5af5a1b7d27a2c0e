import type { Migration } from '../../db/migrations.js';

// A stored month of a rule's dates becomes one integer, a bit a day (bit d − 1
// for day d), instead of a JSON array of date strings: the weekly report reads
// two months of every series (400 rows), and parsing 9,000 date strings cost
// more than expanding the rules from them. The rows are converted in place.
const convert = (daysOf: string) => [
  `alter table meeting_rule_dates add column days integer not null default 0`,
  `update meeting_rule_dates set days = coalesce(${daysOf}, 0)`,
  `alter table meeting_rule_dates drop column dates`,
];

export const m20261205MeetingRuleDays: Migration = {
  name: '2026-12-05-meeting-rule-days',
  sqlite: convert(`(select sum(1 << (cast(substr(j.value, 9, 2) as integer) - 1)) from json_each(meeting_rule_dates.dates) j)`),
  postgres: convert(`(select sum(1 << (substr(j, 9, 2)::integer - 1)) from jsonb_array_elements_text(meeting_rule_dates.dates::jsonb) j)`),
};
