import { RestTaken } from '@sre-ownership/plugin-sre-ownership-common';

/** Stores the rest engineers took, one record per team, engineer and day. */
export interface RestTakenStore {
  /**
   * Records rest taken: a new day is added, a day already recorded for the
   * engineer on the team is replaced, so sending the same record again
   * changes nothing.
   *
   * @returns whether the day was new
   */
  record(taken: RestTaken): Promise<{ created: boolean }>;

  /** A team's records with days in `[fromDate, toDate]`, by day then engineer. */
  list(options: {
    teamRef: string;
    fromDate: string;
    toDate: string;
  }): Promise<RestTaken[]>;
}
