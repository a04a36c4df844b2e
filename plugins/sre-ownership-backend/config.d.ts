export interface Config {
  /** Configuration of the SRE Ownership plugin. */
  sreOwnership?: {
    /**
     * Organisation-wide defaults, used for any service whose entity, System,
     * Domain and owning Groups do not declare a value.
     */
    defaults?: {
      /**
       * Ownership model when nothing is declared: platform, embedded, hybrid
       * or self-managed.
       */
      model?: 'platform' | 'embedded' | 'hybrid' | 'self-managed';
      /** Entity ref of the platform SRE team, e.g. group:default/platform-sre. */
      platformTeam?: string;
    };
  };
}
