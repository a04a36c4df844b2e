export interface Config {
  /** Configuration of the SRE Ownership plugin. */
  sreOwnership?: {
    /**
     * Organisation-wide defaults, used for any entity whose own annotations,
     * System, Domain and owning Groups do not declare a value.
     */
    defaults?: {
      /**
       * Ownership model when nothing is declared: platform, embedded, hybrid
       * or self-managed. Leave unset to show "not declared" instead.
       */
      model?: 'platform' | 'embedded' | 'hybrid' | 'self-managed';
      /** Entity ref of the platform SRE team, e.g. group:default/platform-sre. */
      platformTeam?: string;
    };
    /**
     * The responsibility matrix per ownership model: for each area
     * (monitoring, deployment-pipelines, incident-tooling, slo-definition,
     * on-call, capacity, postmortems, runbooks) who provides it: platform,
     * embedded, product or shared. Cells not given here use the built-in
     * matrix; entities may override single cells with the
     * sre-ownership.io/responsibilities annotation.
     */
    responsibilities?: {
      [model: string]: { [area: string]: string };
    };
    /** Escalation settings. */
    escalation?: {
      /**
       * Minutes between the levels of an escalation path derived from
       * ownership when an entity declares none. Defaults to 15.
       */
      derivedStepMinutes?: number;
    };
  };
}
