// @ts-check

/**
 * The latest measured status of every declared SLO, written by the
 * scheduled SLO evaluation: the overview's SLO tiles, the System and Domain
 * roll-ups and the burn notifications read it instead of asking Prometheus
 * per entity per request.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_status', table => {
    table.comment('Latest status of each declared SLO');
    table
      .string('entity_ref', 500)
      .notNullable()
      .comment('The entity declaring the SLO');
    table
      .string('slo_name', 255)
      .notNullable()
      .comment('metadata.name of the SLO, unique per entity');
    table
      .text('item')
      .notNullable()
      .comment('The SloListItem as JSON: burn, budget, summary, error');
    table
      .bigInteger('evaluated_at')
      .notNullable()
      .comment('When it was measured, epoch milliseconds');
    table.primary(['entity_ref', 'slo_name']);
  });
  await knex.schema.createTable('slo_evaluation', table => {
    table.comment('When the SLO evaluation last completed; one row');
    table.integer('id').primary();
    table.bigInteger('evaluated_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_evaluation');
  await knex.schema.dropTable('slo_status');
};
