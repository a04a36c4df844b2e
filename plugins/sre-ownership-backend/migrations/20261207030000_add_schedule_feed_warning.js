// @ts-check

/**
 * A feed that reads events but matches none of them to a User was recorded
 * as a failed read. It is a successful read with a warning: the feed is
 * reachable and valid, only its people are not found. The warning is kept
 * beside the last success, and cleared by the next success without one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('schedule_feed_runs', table => {
    table
      .text('warning')
      .nullable()
      .comment('What the last success asks the admin to fix, if anything');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('schedule_feed_runs', table => {
    table.dropColumn('warning');
  });
};
