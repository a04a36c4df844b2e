// @ts-check

/**
 * The reliability index: every entity's resolved ownership, its coverage gaps
 * and tier rule results, kept by a scheduled refresh so that the overview,
 * search and the bulk ownership route need not resolve the catalog live.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_index', table => {
    table.comment('Resolved reliability ownership of each indexed entity');
    table
      .string('entity_ref', 512)
      .primary()
      .comment('Entity ref, lower-case, e.g. component:default/payments-api');
    table.string('kind', 64).notNullable().comment('Entity kind, lower-case');
    table
      .text('summary')
      .notNullable()
      .comment(
        'JSON: what the overview lists and searches (OverviewEntity and search terms)',
      );
    table
      .text('resolved')
      .notNullable()
      .comment('JSON: the ResolvedOwnership, without who is on call now');
    table
      .string('hash', 64)
      .notNullable()
      .comment(
        'Hash of summary and resolved: unchanged rows are not rewritten',
      );
    table.bigInteger('refreshed_at').notNullable();
    table.index(['kind', 'entity_ref']);
  });
  await knex.schema.createTable('reliability_index_state', table => {
    table.comment('One row: the generation of the reliability index');
    table.string('id', 16).primary();
    table
      .bigInteger('generation')
      .notNullable()
      .comment('Increases with every refresh that changed a row');
    table.bigInteger('refreshed_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_index_state');
  await knex.schema.dropTable('reliability_index');
};
