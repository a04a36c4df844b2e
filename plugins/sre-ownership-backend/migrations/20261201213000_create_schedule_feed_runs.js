// @ts-check

/**
 * The last run of each on-call schedule feed, so an operator can see which
 * feeds are read and which fail, whichever replica ran the sync.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('schedule_feed_runs', table => {
    table.comment('Last read of each iCalendar schedule feed');
    table
      .string('feed', 255)
      .primary()
      .comment('Feed name (a Group ref for annotated feeds)');
    table.string('team_ref', 255).notNullable();
    table.bigInteger('last_run_at').notNullable();
    table
      .boolean('ok')
      .notNullable()
      .comment('Whether the last run stored the feed');
    table.bigInteger('last_success_at').nullable();
    table
      .integer('shifts')
      .nullable()
      .comment('Shifts read on the last success');
    table
      .integer('warnings')
      .nullable()
      .comment('Events left out on the last success');
    table.text('last_error').nullable();
    table.bigInteger('last_error_at').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('schedule_feed_runs');
};
