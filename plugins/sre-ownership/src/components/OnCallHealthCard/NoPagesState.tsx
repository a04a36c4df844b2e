import { describeWindow } from '../formatFigures';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  BurdenWindow,
  ServiceOnCallHealth,
} from '@sre-ownership/plugin-sre-ownership-common';
import { MissingDeclarationState } from '../states';

/** The annotation that ties PagerDuty webhooks to a catalog entity. */
export const PAGERDUTY_SERVICE_ANNOTATION = 'pagerduty.com/service-id';

/** What a service with no pages may add to its catalog-info.yaml. */
export const MISSING_PAGERDUTY_YAML = `metadata:
  annotations:
    ${PAGERDUTY_SERVICE_ANNOTATION}: PXXXXXX`;

/**
 * Whether nothing is known about the service's on-call: no page in either
 * window, and no schedule saying who is or will be on call for it.
 */
export function isWithoutHealthData(health: ServiceOnCallHealth): boolean {
  const nobodyOnCall = health.onCall.every(
    team => team.current.length === 0 && !team.next,
  );
  return (
    health.current.pages === 0 && health.previous.pages === 0 && nobodyOnCall
  );
}

/** Shown when no page and no on-call shift is known, with how they arrive. */
export function NoPagesState(props: {
  window: BurdenWindow;
  entityName: string;
}) {
  const { window, entityName } = props;
  return (
    <MissingDeclarationState
      title="No pages and nobody on call"
      description={`No page about this service was recorded ${describeWindow(
        window,
      )} or in the window before it, and no schedule says who is on call for it. Pages arrive from Prometheus Alertmanager webhooks, for alerts labelled service="${entityName}" (or that match the entity's ${
        SRE_OWNERSHIP_ANNOTATIONS.alertSelector
      } annotation); from PagerDuty webhooks, for the PagerDuty service named in this entity's catalog-info.yaml as below; and from the bulk ingestion API, POST /api/sre-ownership/events. Who is on call comes from the schedules of the on-call rotations its escalation path pages (${
        SRE_OWNERSHIP_ANNOTATIONS.oncallScheduleUrl
      } on those Groups, or sreOwnership.schedules).`}
      yaml={MISSING_PAGERDUTY_YAML}
    />
  );
}
