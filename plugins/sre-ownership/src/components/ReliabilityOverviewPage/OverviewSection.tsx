import { InfoCard } from '@backstage/core-components';
import { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../states';

/**
 * One section of the overview page in its card, with the loading and error
 * states every section shares; `children` renders the data.
 */
export function OverviewSection<T>(props: {
  title: string;
  subheader?: string;
  subject: string;
  state: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactNode;
}) {
  const { title, subheader, subject, state, children } = props;
  let body: ReactNode;
  if (state.error) body = <ErrorState error={state.error} subject={subject} />;
  else if (state.loading || state.value === undefined) body = <LoadingState />;
  else body = children(state.value);
  return (
    <InfoCard title={title} subheader={subheader}>
      {body}
    </InfoCard>
  );
}
