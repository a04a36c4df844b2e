// @ts-check

/**
 * The last level each notification condition was seen at, so that a repeat
 * evaluation notifies only when a condition worsens.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_state', table => {
    table.comment(
      'Last evaluated level of each notification condition (team x measure x window, service x measure, team x role)',
    );
    table
      .string('condition_key', 512)
      .primary()
      .comment(
        'Identifies the condition, e.g. burden:group:default/payments:status:28d',
      );
    table
      .integer('level')
      .notNullable()
      .comment(
        '0 is fine; higher is worse; the meaning depends on the measure',
      );
    table
      .bigInteger('evaluated_at')
      .notNullable()
      .comment('Epoch milliseconds of the evaluation that stored this level');
    table
      .bigInteger('notified_at')
      .nullable()
      .comment('Epoch milliseconds of the last notification sent for it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_state');
};
