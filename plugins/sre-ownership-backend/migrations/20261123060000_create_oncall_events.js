// @ts-check

/**
 * On-call facts: shifts, pages and toil. Times are epoch milliseconds (UTC) so
 * that window arithmetic is exact and identical on SQLite and PostgreSQL.
 * Every row is keyed by (source, external_id): a redelivered event updates the
 * same row instead of adding one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('oncall_shifts', table => {
    table.comment('On-call shifts, from schedule feeds or the bulk API');
    table.bigIncrements('id').primary();
    table
      .string('source', 64)
      .notNullable()
      .comment('Where the shift came from, e.g. ics:<url> or api');
    table
      .string('external_id', 512)
      .notNullable()
      .comment('Stable id of the shift in its source');
    table
      .string('team_ref')
      .notNullable()
      .comment('Group entity ref of the rotation');
    table
      .string('user_ref')
      .notNullable()
      .comment('User entity ref of the engineer on call');
    table
      .string('schedule', 255)
      .nullable()
      .comment('Schedule name in the source');
    table.bigInteger('starts_at').notNullable();
    table.bigInteger('ends_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'external_id']);
    table.index(['team_ref', 'starts_at']);
    table.index(['user_ref', 'starts_at']);
  });

  await knex.schema.createTable('oncall_pages', table => {
    table.comment('Pages: alerts and incidents that reached a person');
    table.bigIncrements('id').primary();
    table.string('source', 64).notNullable();
    table.string('external_id', 512).notNullable();
    table.string('entity_ref').nullable().comment('Service the page was about');
    table.string('team_ref').nullable().comment('Group that was paged');
    table.string('responder_ref').nullable().comment('User who responded');
    table.string('severity', 32).notNullable();
    table.text('title').nullable();
    table.bigInteger('triggered_at').notNullable();
    table.bigInteger('acknowledged_at').nullable();
    table.bigInteger('resolved_at').nullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'external_id']);
    table.index(['team_ref', 'triggered_at']);
    table.index(['entity_ref', 'triggered_at']);
  });

  await knex.schema.createTable('toil_entries', table => {
    table.comment('Time spent on toil, reported by engineers or tools');
    table.bigIncrements('id').primary();
    table.string('source', 64).notNullable();
    table.string('external_id', 512).notNullable();
    table.string('team_ref').notNullable();
    table.string('user_ref').notNullable();
    table.string('category', 64).nullable();
    table.bigInteger('started_at').notNullable();
    table.integer('minutes').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'external_id']);
    table.index(['team_ref', 'started_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('toil_entries');
  await knex.schema.dropTable('oncall_pages');
  await knex.schema.dropTable('oncall_shifts');
};
