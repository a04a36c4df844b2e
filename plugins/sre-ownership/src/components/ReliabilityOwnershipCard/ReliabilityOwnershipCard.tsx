import { InfoCard } from '@backstage/core-components';
import { useResolvedOwnership } from '../../hooks/useResolvedOwnership';
import { ErrorState, LoadingState } from '../states';
import { ReliabilityOwnershipView } from './ReliabilityOwnershipView';

/**
 * Entity card: who owns the reliability of this entity, under which model,
 * its specialists and responsibility matrix, each value with where it came
 * from, and any bad declarations found on the way.
 *
 * @public
 */
export function ReliabilityOwnershipCard() {
  const { ownership, loading, error } = useResolvedOwnership();
  return (
    <InfoCard title="Reliability ownership">
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="reliability ownership" />
      )}
      {!loading && !error && ownership && (
        <ReliabilityOwnershipView ownership={ownership} />
      )}
    </InfoCard>
  );
}
