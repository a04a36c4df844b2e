import { Config } from '@backstage/config';
import { invalidAppConfig } from '@sre-ownership/plugin-sre-ownership-common';

/** One Prometheus the backend may query, from app-config. */
export interface PrometheusInstanceConfig {
  name: string;
  /** Where the backend reaches its HTTP API, e.g. http://prometheus:9090. */
  baseUrl: string;
  /** Where people open its UI; the SLO card links queries there. */
  publicUrl?: string;
  /** Extra request headers, e.g. a tenant header. */
  headers: Record<string, string>;
}

/** `sreOwnership.prometheus`, read and checked once. */
export interface PrometheusSettings {
  instances: PrometheusInstanceConfig[];
  /** The instance used when a declaration names none; absent when none is configured. */
  defaultInstance?: string;
  timeoutMs: number;
  cacheTtlMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CACHE_SECONDS = 30;

/**
 * Reads `sreOwnership.prometheus`. Without it, no instance is configured and
 * the SLO card says how to connect one.
 */
export function readPrometheusSettings(config: Config): PrometheusSettings {
  const section = config.getOptionalConfig('sreOwnership.prometheus');
  const names = new Set<string>();
  const instances = (section?.getOptionalConfigArray('instances') ?? []).map(
    (instance, index) => {
      const key = `sreOwnership.prometheus.instances[${index}]`;
      const name = instance.getString('name');
      if (names.has(name))
        invalidAppConfig(
          `${key}.name`,
          `"${name}" is used twice; give each instance its own name`,
        );
      names.add(name);
      const baseUrl = instance.getString('baseUrl').replace(/\/+$/, '');
      if (!/^https?:\/\//.test(baseUrl))
        invalidAppConfig(`${key}.baseUrl`, 'must be an http(s) URL');
      const headers: Record<string, string> = {};
      const headerConfig = instance.getOptionalConfig('headers');
      for (const header of headerConfig?.keys() ?? []) {
        headers[header] = headerConfig!.getString(header);
      }
      const token = instance.getOptionalString('token');
      if (token) headers.Authorization = `Bearer ${token}`;
      const publicUrl = instance
        .getOptionalString('publicUrl')
        ?.replace(/\/+$/, '');
      return { name, baseUrl, headers, ...(publicUrl ? { publicUrl } : {}) };
    },
  );
  const defaultInstance =
    section?.getOptionalString('default') ?? instances[0]?.name;
  if (defaultInstance !== undefined && !names.has(defaultInstance)) {
    invalidAppConfig(
      'sreOwnership.prometheus.default',
      `names no instance "${defaultInstance}"; use one of ${
        [...names].join(', ') || '(none configured)'
      }`,
    );
  }
  const timeoutMs = section?.getOptionalNumber('timeoutSeconds');
  const cacheSeconds = section?.getOptionalNumber('cacheSeconds');
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    invalidAppConfig(
      'sreOwnership.prometheus.timeoutSeconds',
      'must be more than 0',
    );
  if (cacheSeconds !== undefined && !(cacheSeconds >= 0))
    invalidAppConfig(
      'sreOwnership.prometheus.cacheSeconds',
      'must be 0 or more',
    );
  return {
    instances,
    ...(defaultInstance ? { defaultInstance } : {}),
    timeoutMs: timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : timeoutMs * 1000,
    cacheTtlMs: (cacheSeconds ?? DEFAULT_CACHE_SECONDS) * 1000,
  };
}
