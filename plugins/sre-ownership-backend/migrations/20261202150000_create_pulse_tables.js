// @ts-check

/**
 * The anonymous on-call pulse. Four tables that share no key:
 * - pulse_invitations: who was invited after which shift (needed to send the
 *   invitation and to let only that engineer answer); never touched by an
 *   answer.
 * - pulse_responses: a keyed hash of (engineer, shift) per answer given, so
 *   nobody answers twice; nothing else.
 * - pulse_totals: per team and period, the number of answers and the sum of
 *   each question's scores. No single answer is stored.
 * - pulse_comments: the optional comments, with only team and period.
 * No table has a time of answering; see docs/oncall-pulse.md.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_invitations', table => {
    table.comment('Pulse invitations sent after shifts ended, one per shift');
    table
      .string('id', 64)
      .primary()
      .comment('Random id, used in the link of the invitation');
    table.string('shift_source', 64).notNullable();
    table.string('shift_external_id', 512).notNullable();
    table.string('user_ref').notNullable().comment('The invited engineer');
    table.string('team_ref').notNullable();
    table
      .bigInteger('shift_ended_at')
      .notNullable()
      .comment('Epoch milliseconds; decides the period and the deadline');
    table.bigInteger('invited_at').notNullable();
    table.unique(['shift_source', 'shift_external_id']);
  });

  await knex.schema.createTable('pulse_responses', table => {
    table.comment(
      'One keyed hash per (engineer, shift) answered: stops double answers, says nothing of the answer',
    );
    table.string('marker', 64).primary().comment('HMAC-SHA256, hex');
  });

  await knex.schema.createTable('pulse_totals', table => {
    table.comment('Pulse answers counted and summed per team and period');
    table.string('team_ref').notNullable();
    table
      .string('period_start', 10)
      .notNullable()
      .comment('First day (YYYY-MM-DD, UTC) of the period the shift ended in');
    table.integer('answers').notNullable();
    table.integer('sustainable_sum').notNullable();
    table.integer('sleep_sum').notNullable();
    table.integer('actionable_sum').notNullable();
    table.primary(['team_ref', 'period_start']);
  });

  await knex.schema.createTable('pulse_comments', table => {
    table.comment('Pulse comments, with team and period only');
    table.string('id', 64).primary().comment('Random id');
    table.string('team_ref').notNullable();
    table.string('period_start', 10).notNullable();
    table.text('body').notNullable();
    table.index(['team_ref', 'period_start']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_comments');
  await knex.schema.dropTable('pulse_totals');
  await knex.schema.dropTable('pulse_responses');
  await knex.schema.dropTable('pulse_invitations');
};
