import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DatabasePulseStore } from './DatabasePulseStore';
import { PulseSettings } from './pulseConfig';
import { PulseService } from './PulseService';
import { schedulePulseInvitations } from './schedulePulseInvitations';

/** The on-call pulse: its service, and how to start its invitations. */
export interface Pulse {
  service: PulseService;
  /** Schedules the invitation and publication task, if invitations are on. */
  scheduleInvitations(): Promise<void>;
}

/** Builds the on-call pulse on its own store. */
export async function createPulse(options: {
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  scheduler: SchedulerService;
  logger: LoggerService;
  notifications: NotificationService;
  settings: PulseSettings;
}): Promise<Pulse> {
  const { database, settings } = options;
  const store = await DatabasePulseStore.create({ database });
  return {
    service: new PulseService({ ...options, store }),
    scheduleInvitations: () =>
      schedulePulseInvitations({ ...options, store, settings }),
  };
}
