/** English messages of init and demo; keys start with setup. */
export const setupEn = {
  // init and demo
  'setup.cmd.init': 'create the database and load a preset (safe to run twice)',
  'setup.opt.preset': 'preset to load: ecommerce or blank',
  'setup.init.done': 'Database ready at {path} (preset {preset}: {departments} departments, {roles} roles, {duties} duties, {meetings} meeting series, {courses} training courses, {kpis} KPIs, {seasons} promotion seasons, {rewardRules} reward rules added).',
  'setup.cmd.demo': 'build a realistic demo shop team and show it (the tour)',
  'setup.demo.where': 'Demo database: {path}',
  'setup.demo.exists': 'The database {path} already has members; demo needs an empty one (use a new --db path).',
  'setup.demo.heading.org': 'Reporting lines',
  'setup.demo.heading.members': 'Members',
  'setup.demo.heading.goals': 'Goals',
  'setup.demo.heading.actions': 'Open action items from the meetings',
  'setup.demo.heading.rewards': 'Rewards for {period}: by grade and rank (team evals rewards)',
  'setup.demo.heading.training': 'Training: plans, overdue and due-soon items, latest scores',
  // One command a line: a terminal would break a long line inside a word.
  'setup.demo.next': 'Try:\n  team --db {path} goals tree\n  team --db {path} meetings agenda weekly\n  team --db {path} roles show "Customer service manager"',
  'setup.err.invalidPreset': 'Unknown preset "{value}": use ecommerce or blank.',
} as const;
