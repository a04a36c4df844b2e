import {
  DatabaseService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BurdenSettings } from '../burden/burdenConfig';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { OncallStore } from '../oncall/OncallStore';
import { DatabaseRestTakenStore } from './DatabaseRestTakenStore';
import { RestService } from './RestService';

/** Builds the rest-owed service on its own store of rest taken. */
export async function createRestOwed(options: {
  database: DatabaseService;
  oncall: Pick<OncallStore, 'listShifts' | 'listPages'>;
  catalog: CatalogService;
  userInfo: UserInfoService;
  settings: BurdenSettings;
  cache: PrincipalEntityCache;
}): Promise<RestService> {
  const { database, ...serviceOptions } = options;
  const restTaken = await DatabaseRestTakenStore.create({ database });
  return new RestService({ ...serviceOptions, restTaken });
}
