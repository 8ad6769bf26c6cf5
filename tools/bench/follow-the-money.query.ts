/** The README's Follow-the-Money query: it crosses all four subgraphs, so the soak run and the e2e tests use it. */
export const FOLLOW_THE_MONEY = `
query FollowTheMoney($id: ID!) {
  commitment(id: $id) {
    title themes stage
    actionPlan { title state { name openGovernmentMetric { year index } } }
    responsibleInstitution { name kind order }
    funding { approved modified exercised paid executionRate }
    allocations { assigned basis program { key name fiscalYear totals { approved paid } } }
    contracts { title buyer { name } transactions { date moment amount records { code access } } }
    records { code title access series { code retention { activeYears semiActiveYears } } }
  }
}`;

/** Tlaxcala's commitment #3: follow FORTAMUN and FISM. */
export const FOLLOW_THE_MONEY_VARIABLES = { id: 'MX-TLA-PAL-2016-03' };
