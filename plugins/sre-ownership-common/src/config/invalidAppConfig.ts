/**
 * Throws the plugin's one wording of a setting it cannot use:
 * `Invalid app-config: <key> <problem>`, naming the full key so that an
 * operator finds the line, and the problem with the accepted form.
 *
 * @public
 */
export function invalidAppConfig(key: string, problem: string): never {
  throw new Error(`Invalid app-config: ${key} ${problem}`);
}

/**
 * {@link invalidAppConfig} for the keys of one section, named relative to it.
 *
 * @public
 */
export function invalidAppConfigUnder(
  section: string,
): (key: string, problem: string) => never {
  return (key, problem) => invalidAppConfig(`${section}.${key}`, problem);
}
