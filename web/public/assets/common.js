// What every page shares: building elements (text is always set as text, never parsed as HTML) and asking the
// gateway that serves the page.
window.ftm = (() => {
  /** An answer without data: `codes` are the errors' `extensions.code`, so a page can explain them in plain words. */
  class ApiError extends Error {
    constructor(message, codes) {
      super(message);
      this.codes = codes;
    }
  }

  /**
   * POSTs an operation to /graphql. A token, when given, goes in the Authorization header only (never a cookie, never
   * the URL); an idempotency key makes a retried write create nothing new.
   */
  async function graphql(query, variables, { token, idempotencyKey } = {}) {
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    let body;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`HTTP ${response.status}`, [`HTTP_${response.status}`]);
    }
    if (!body.data) {
      const errors = body.errors ?? [];
      throw new ApiError(
        errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`,
        errors.map((error) => error.extensions?.code ?? 'UNKNOWN'),
      );
    }
    return body;
  }

  function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Number.POSITIVE_INFINITY))
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  /** "2026-12-07T12:40:00.000Z" → "7 dic 2026, 12:40" in the reader's time zone. */
  function date(iso) {
    if (!iso) return 'sin fecha';
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso : value.toLocaleString('es-MX', { dateStyle: 'medium', timeStyle: 'short' });
  }

  return { ApiError, graphql, h, date };
})();
