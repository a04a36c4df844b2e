import { readFile } from 'node:fs/promises';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  SloDeclarations,
  locateSloFile,
  parseOpenSlo,
} from '@sre-ownership/plugin-sre-ownership-common';

const MAX_FILE_BYTES = 1_000_000;

/**
 * Reads the SLOs an entity declares: inline in `sre-ownership.io/slos` and
 * in the file `sre-ownership.io/slo-file` names. A file that cannot be read
 * is a problem on the card like any other, not an error of the request.
 */
export class SloDeclarationReader {
  constructor(private readonly options: { urlReader: UrlReaderService }) {}

  async read(entity: Entity, signal?: AbortSignal): Promise<SloDeclarations> {
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const result: SloDeclarations = { slos: [], problems: [] };
    const add = (more: SloDeclarations) => {
      const names = new Set(result.slos.map(s => s.name));
      for (const slo of more.slos) {
        if (names.has(slo.name)) {
          result.problems.push({
            entityRef,
            file: slo.declaredIn,
            field: 'metadata.name',
            message: `the SLO "${slo.name}" is declared twice (inline and in the file); keep one`,
          });
        } else {
          result.slos.push(slo);
        }
      }
      result.problems.push(...more.problems);
    };
    const inline = annotations[SRE_OWNERSHIP_ANNOTATIONS.slos];
    if (inline?.trim()) {
      add(
        parseOpenSlo(inline, {
          entityRef,
          file: SRE_OWNERSHIP_ANNOTATIONS.slos,
        }),
      );
    }
    const file = annotations[SRE_OWNERSHIP_ANNOTATIONS.sloFile];
    if (file?.trim()) {
      const location = locateSloFile(file, annotations[ANNOTATION_LOCATION]);
      const problem = (message: string) =>
        result.problems.push({
          entityRef,
          file: SRE_OWNERSHIP_ANNOTATIONS.sloFile,
          field: file.trim(),
          message,
        });
      if (location.type === 'invalid') {
        problem(location.message);
      } else {
        const name = location.type === 'url' ? location.url : location.path;
        try {
          const text = await this.readText(location, signal);
          // Named as the author wrote it (relative to catalog-info.yaml), not by
          // the backend's path on its disk.
          add(
            parseOpenSlo(text, {
              entityRef,
              file: location.type === 'url' ? location.url : file.trim(),
            }),
          );
        } catch (error) {
          problem(
            `could not be read: ${(error as Error).message.replace(
              name,
              'the file',
            )}; check the path, and for a URL that backend.reading.allow or an integration covers its host`,
          );
        }
      }
    }
    return result;
  }

  private async readText(
    location: { type: 'url'; url: string } | { type: 'file'; path: string },
    signal?: AbortSignal,
  ) {
    if (location.type === 'file') {
      const text = await readFile(location.path, { encoding: 'utf8', signal });
      if (text.length > MAX_FILE_BYTES)
        throw new Error('the file is larger than 1 MB');
      return text;
    }
    const response = await this.options.urlReader.readUrl(location.url, {
      signal,
    });
    const buffer = await response.buffer();
    if (buffer.length > MAX_FILE_BYTES)
      throw new Error('the file is larger than 1 MB');
    return buffer.toString('utf8');
  }
}
