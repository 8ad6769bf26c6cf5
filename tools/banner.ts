/** The last lines `npm start` prints: where to go now that everything answers. */
export function readyBanner(port: number): string {
  const base = `http://localhost:${port}`;
  return [
    '',
    'Follow-the-Money API ready:',
    `  explorer           ${base}/graphql`,
    `  journalist's page  ${base}/`,
    `  metrics            ${base}/metrics`,
    `  readiness          ${base}/ready`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}
