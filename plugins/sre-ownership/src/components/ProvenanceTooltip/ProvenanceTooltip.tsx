import Tooltip from '@material-ui/core/Tooltip';
import {
  ValueSource,
  describeSource,
} from '@sre-ownership/plugin-sre-ownership-common';
import { ReactNode } from 'react';

/**
 * Wraps a resolved value so that hovering it says where it came from.
 * Without a source it renders the value alone.
 *
 * @public
 */
export function ProvenanceTooltip(props: {
  source?: ValueSource;
  children: ReactNode;
}) {
  const { source, children } = props;
  if (!source) {
    return <>{children}</>;
  }
  return (
    <Tooltip title={describeSource(source)}>
      <span>{children}</span>
    </Tooltip>
  );
}
