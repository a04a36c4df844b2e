import { SRE_OWNERSHIP_ANNOTATIONS } from '../annotations';

/**
 * Where the SLO file of an entity is to be read from, or why it cannot be.
 *
 * @public
 */
export type SloFileLocation =
  | { type: 'url'; url: string }
  | { type: 'file'; path: string }
  | { type: 'invalid'; message: string };

const YAML_FILE = /\.ya?ml$/i;

/**
 * Locates the file an `sre-ownership.io/slo-file` annotation names, the way
 * Backstage locates files next to a catalog-info.yaml: relative to the
 * entity's `backstage.io/managed-by-location` (a `url:` or `file:`
 * location). An absolute https URL is taken as it is. Only `.yaml`/`.yml`
 * files are read, and a relative path may not climb out of the directory of
 * the catalog file, so an annotation cannot point the backend at anything
 * else on its disk.
 *
 * @public
 */
export function locateSloFile(
  file: string,
  managedByLocation: string | undefined,
): SloFileLocation {
  const name = file.trim();
  if (!YAML_FILE.test(name.split(/[?#]/)[0])) {
    return {
      type: 'invalid',
      message: `"${name}" is not a .yaml or .yml file; name the OpenSLO file, e.g. ./slos.yaml`,
    };
  }
  if (/^https?:\/\//i.test(name)) return { type: 'url', url: name };
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('/')) {
    return {
      type: 'invalid',
      message: `"${name}" must be a path relative to catalog-info.yaml (e.g. ./slos.yaml) or an https URL`,
    };
  }
  const location = managedByLocation ?? '';
  const separator = location.indexOf(':');
  const type = location.slice(0, separator);
  const target = location.slice(separator + 1);
  if (type === 'url') {
    return { type: 'url', url: new URL(name, target).toString() };
  }
  if (type === 'file') {
    const base = new URL(
      `file://${target.startsWith('/') ? '' : '/'}${target}`,
    );
    const resolved = new URL(name, base);
    const directory = new URL('.', base).pathname;
    if (!resolved.pathname.startsWith(directory)) {
      return {
        type: 'invalid',
        message: `"${name}" leaves the directory of catalog-info.yaml; keep the SLO file beside it or below it`,
      };
    }
    return { type: 'file', path: decodeURIComponent(resolved.pathname) };
  }
  return {
    type: 'invalid',
    message: `the entity has no url: or file: location to resolve "${name}" against; give an https URL or declare the SLOs inline in ${SRE_OWNERSHIP_ANNOTATIONS.slos}`,
  };
}
