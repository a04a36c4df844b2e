// @ts-check

/**
 * Feed errors are now stored only in a masked form (a feed's host at most,
 * never its URL, path or a redirect's target). Errors stored before may
 * quote a feed URL with its access token: they are replaced until the
 * feed's next read records its error again. Adds the reasons events were
 * left out on a feed's last success.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('schedule_feed_runs').whereNotNull('last_error').update({
    last_error:
      'failed before feed errors were masked; its next read records the error again',
  });
  await knex.schema.alterTable('schedule_feed_runs', table => {
    table
      .text('left_out')
      .nullable()
      .comment(
        'JSON list of {reason, events}: events left out on the last success',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('schedule_feed_runs', table => {
    table.dropColumn('left_out');
  });
};
