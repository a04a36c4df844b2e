import { InfoCard } from '@backstage/core-components';
import { useResolvedOwnership } from '../../hooks/useResolvedOwnership';
import { ErrorState, LoadingState } from '../states';
import { EscalationPathView } from './EscalationPathView';

/**
 * Entity card: whom to page, in order and after how long, for this entity;
 * whether the path was declared or derived from its ownership.
 *
 * @public
 */
export function EscalationPathCard() {
  const { ownership, loading, error } = useResolvedOwnership();
  return (
    <InfoCard title="Escalation path">
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="the escalation path" />
      )}
      {!loading && !error && ownership && (
        <EscalationPathView ownership={ownership} />
      )}
    </InfoCard>
  );
}
