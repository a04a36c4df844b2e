// @ts-check

/**
 * Entity refs in on-call events are now stored lower-cased, the form every
 * lookup compares with, because Backstage compares refs case-insensitively:
 * `group:edge/ALPHA` sent before this change was a team nobody read, and
 * `user:edge/Sydney` a second person. Lower-cases what was stored before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const columns = {
    oncall_shifts: ['team_ref', 'user_ref'],
    oncall_pages: ['entity_ref', 'team_ref', 'responder_ref'],
    toil_entries: ['team_ref', 'user_ref'],
  };
  for (const [table, refs] of Object.entries(columns)) {
    await knex(table).update(
      Object.fromEntries(refs.map(ref => [ref, knex.raw('lower(??)', [ref])])),
    );
  }
};

/**
 * The letter case refs were sent in is not kept, and lower-cased refs are
 * the same refs to Backstage: nothing to undo.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
