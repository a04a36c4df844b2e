import { useApi } from '@backstage/core-plugin-api';
import { PulseAnswer } from '@sre-ownership/plugin-sre-ownership-common';
import { useState } from 'react';
import { sreOwnershipApiRef } from '../../api';
import { isPermissionRefusal } from '../states/isPermissionRefusal';
import { ErrorState, LoadingState } from '../states';
import { PulseForm } from './PulseForm';
import {
  AlreadyAnsweredState,
  ClosedState,
  NotYourShiftState,
  ThanksState,
} from './PulseStates';
import { usePulseInvitation } from './usePulseInvitation';

/** One invitation in each of its states: the form, or why there is none. */
export function PulseInvitationView(props: { id: string }) {
  const api = useApi(sreOwnershipApiRef);
  const { value: invitation, loading, error } = usePulseInvitation(props.id);
  const [thanked, setThanked] = useState(false);

  if (thanked) return <ThanksState />;
  if (loading) return <LoadingState />;
  if (error) {
    return isPermissionRefusal(error) ? (
      <NotYourShiftState />
    ) : (
      <ErrorState error={error} subject="this pulse invitation" />
    );
  }
  if (!invitation) return null;
  if (invitation.state === 'answered') return <AlreadyAnsweredState />;
  if (invitation.state === 'closed') {
    return <ClosedState answerBy={invitation.answerBy} />;
  }
  const submit = async (answer: PulseAnswer) => {
    await api.answerPulse(invitation.id, answer);
    setThanked(true);
  };
  return <PulseForm invitation={invitation} onSubmit={submit} />;
}
