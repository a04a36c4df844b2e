import { useEntityResource } from '../../hooks/useEntityResource';

/** The pulse aggregates of the Group on the current page. */
export function useTeamPulse() {
  return useEntityResource((api, team) => api.getTeamPulse(team));
}

/** The pulse comments of the Group on the current page (403 without the permission). */
export function useTeamPulseComments() {
  return useEntityResource((api, team) => api.getTeamPulseComments(team));
}
