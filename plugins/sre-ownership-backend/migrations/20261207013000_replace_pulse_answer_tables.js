// @ts-check

/**
 * The anonymous on-call pulse, by construction (docs/oncall-pulse.md):
 * - pulse_answer_markers: one keyed hash of (engineer, team, period) per
 *   engineer who answered, so that each person answers once per period and
 *   the minimum counts people; nothing else.
 * - pulse_open_periods: while a period takes answers, one row per team and
 *   period holding the number of people who answered, the sum of each
 *   question's scores and the comments, reshuffled at every write. Updated
 *   in place: no row per answer exists, so no row order, id or transaction
 *   id can tie an answer or a comment to a marker.
 * - pulse_summaries: what the team view shows of a period, written once
 *   after its answers closed and never changed: the number of people, the
 *   averages (in tenths) and the comments only when the minimum was reached.
 *
 * Answers stored by the earlier tables are dropped, not converted: they were
 * counted per shift rather than per person, and their comment rows kept the
 * order in which they arrived.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('pulse_comments');
  await knex.schema.dropTable('pulse_totals');
  await knex.schema.dropTable('pulse_responses');

  await knex.schema.createTable('pulse_answer_markers', table => {
    table.comment(
      'One keyed hash per (engineer, team, period) answered: stops a second answer, says nothing of the answer',
    );
    table.string('marker', 64).primary().comment('HMAC-SHA256, hex');
  });

  await knex.schema.createTable('pulse_open_periods', table => {
    table.comment(
      'Answers of periods still open, as totals per team and period; no row per answer',
    );
    table.string('team_ref').notNullable();
    table
      .string('period_start', 10)
      .notNullable()
      .comment('First day (YYYY-MM-DD, UTC) of the period the shift ended in');
    table.integer('people').notNullable().comment('Engineers who answered');
    table.integer('sustainable_sum').notNullable();
    table.integer('sleep_sum').notNullable();
    table.integer('actionable_sum').notNullable();
    table
      .text('comments')
      .notNullable()
      .comment('JSON array of comment texts, reshuffled at every write');
    table.primary(['team_ref', 'period_start']);
  });

  await knex.schema.createTable('pulse_summaries', table => {
    table.comment(
      'Published pulse summaries: written once after a period closed, never changed',
    );
    table.string('team_ref').notNullable();
    table.string('period_start', 10).notNullable();
    table.integer('people').notNullable().comment('Engineers who answered');
    table
      .integer('minimum_answers')
      .notNullable()
      .comment('The minimum in force when the summary was published');
    table
      .integer('sustainable_tenths')
      .nullable()
      .comment('Average x 10; null below the minimum');
    table.integer('sleep_tenths').nullable();
    table.integer('actionable_tenths').nullable();
    table
      .text('comments')
      .notNullable()
      .comment('JSON array in random order; empty below the minimum');
    table.primary(['team_ref', 'period_start']);
  });
};

/**
 * Restores the earlier tables, empty: the summaries cannot be split back
 * into per-shift answers.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_summaries');
  await knex.schema.dropTable('pulse_open_periods');
  await knex.schema.dropTable('pulse_answer_markers');

  await knex.schema.createTable('pulse_responses', table => {
    table.string('marker', 64).primary();
  });
  await knex.schema.createTable('pulse_totals', table => {
    table.string('team_ref').notNullable();
    table.string('period_start', 10).notNullable();
    table.integer('answers').notNullable();
    table.integer('sustainable_sum').notNullable();
    table.integer('sleep_sum').notNullable();
    table.integer('actionable_sum').notNullable();
    table.primary(['team_ref', 'period_start']);
  });
  await knex.schema.createTable('pulse_comments', table => {
    table.string('id', 64).primary();
    table.string('team_ref').notNullable();
    table.string('period_start', 10).notNullable();
    table.text('body').notNullable();
    table.index(['team_ref', 'period_start']);
  });
};
