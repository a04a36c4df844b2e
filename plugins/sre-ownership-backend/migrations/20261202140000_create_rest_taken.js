// @ts-check

/**
 * Rest an engineer took after heavy on-call periods, recorded by them or
 * their manager; it lowers the rest they are owed (docs/rest-and-compensation.md).
 * One row per team, engineer and day, so recording a day again replaces it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rest_taken', table => {
    table.comment('Rest taken by an engineer of a team, one row per day');
    table
      .string('team_ref', 255)
      .notNullable()
      .comment('Group entity ref, e.g. group:default/payments');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('User entity ref of the engineer who rested');
    table
      .string('taken_on', 10)
      .notNullable()
      .comment('The day the rest was taken, YYYY-MM-DD');
    table
      .integer('minutes')
      .notNullable()
      .comment('Whole minutes of rest taken that day, 1 to 1440');
    table.string('note', 500).nullable().comment('Optional free text');
    table
      .string('recorded_by', 255)
      .notNullable()
      .comment('User or service principal that recorded it');
    table
      .bigInteger('recorded_at')
      .notNullable()
      .comment('Epoch milliseconds of the last recording');
    table.primary(['team_ref', 'user_ref', 'taken_on']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rest_taken');
};
