// The test's HTTP client, run inside the client host's namespace: one JSON request per stdin line, one JSON
// answer per stdout line ({ id, status, headers, body } or { id, error }), so the test needs no address of its own.
const readline = require('node:readline');

const KEPT_HEADERS = ['x-cache', 'ratelimit-remaining', 'retry-after'];

async function send(request) {
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const headers = {};
    for (const name of KEPT_HEADERS) if (response.headers.has(name)) headers[name] = response.headers.get(name);
    return { id: request.id, status: response.status, headers, body: await response.text() };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  send(request).then((answer) => process.stdout.write(`${JSON.stringify(answer)}\n`));
});
