// The technical secretariat's page: a member pastes the token they were given, sees the reports on their state's
// information, answers them, and proposes or confirms progress on their state's commitments. The token lives in
// this tab's sessionStorage and travels only in the Authorization header; the API checks it on every request.
(() => {
  const { h, graphql, date } = window.ftm;
  const p = window.ftmParticipation;
  const view = document.getElementById('view');
  const form = document.getElementById('session');
  const input = document.getElementById('token');
  const STORAGE = 'ftm.secretariado.token';
  const ANSWERS = ['ACKNOWLEDGED', 'RESOLVED', 'REJECTED', 'DUPLICATE'];

  /**
   * What the token says about its bearer, to greet them and pick their state. Read without checking the signature:
   * it decides nothing, since the API verifies the token itself on every request.
   */
  function claimsOf(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const text = new TextDecoder().decode(Uint8Array.from(atob(payload), (char) => char.charCodeAt(0)));
      const claims = JSON.parse(text);
      return claims && typeof claims === 'object' ? claims : null;
    } catch {
      return null;
    }
  }

  function say(node, message, kind = 'status') {
    node.replaceChildren(h('p', { class: kind }, message));
  }

  /** Runs a write with this session's token and a fresh idempotency key; shows the outcome in `status`. */
  async function write(token, status, query, variables, done) {
    status.textContent = 'Enviando…';
    try {
      await graphql(query, variables, { token, idempotencyKey: p.newKey() });
      status.textContent = 'Hecho.';
      await done();
    } catch (error) {
      status.textContent = p.explain(error);
    }
  }

  function answerForm(token, report, reload) {
    const status = h('p', { class: 'form-status', role: 'status' });
    const noteId = `note-${report.id}`;
    const duplicateId = `duplicate-${report.id}`;
    const answer = h(
      'form',
      { class: 'answer-form' },
      p.select(
        'status',
        'Respuesta',
        ANSWERS.map((code) => [code, p.STATUS[code]]),
        { required: true },
      ),
      h('label', { for: noteId }, 'Nota pública'),
      h('textarea', { id: noteId, name: 'note', rows: 2, required: true, maxlength: 2000 }),
      h('label', { for: duplicateId }, 'Si es duplicado: id del reporte original (opcional)'),
      h('input', { id: duplicateId, name: 'duplicateOf', type: 'text' }),
      h('button', { type: 'submit' }, 'Responder'),
      status,
    );
    answer.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = new FormData(answer);
      write(
        token,
        status,
        `mutation Answer($id: ID!, $status: ReportStatus!, $note: String!, $duplicateOf: ID) {
          answerReport(id: $id, status: $status, note: $note, duplicateOf: $duplicateOf) { report { id status } }
        }`,
        {
          id: report.id,
          status: values.get('status'),
          note: String(values.get('note')),
          duplicateOf: String(values.get('duplicateOf') ?? '').trim() || null,
        },
        reload,
      );
    });
    return answer;
  }

  function proposeForm(token, commitment, reload) {
    const status = h('p', { class: 'form-status', role: 'status' });
    const noteId = `progress-note-${commitment.id}`;
    const evidenceId = `evidence-${commitment.id}`;
    const propose = h(
      'form',
      { class: 'propose-form' },
      p.select('completion', 'Grado de avance', Object.entries(p.COMPLETION), { required: true }),
      h('label', { for: noteId }, 'Qué se hizo (público)'),
      h('textarea', { id: noteId, name: 'note', rows: 2, required: true, maxlength: 2000 }),
      h('label', { for: evidenceId }, 'Evidencia: una dirección web o el id de un expediente (opcional)'),
      h('input', { id: evidenceId, name: 'evidence', type: 'text' }),
      h('button', { type: 'submit' }, 'Proponer avance'),
      status,
    );
    propose.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = new FormData(propose);
      const evidence = String(values.get('evidence') ?? '').trim();
      const item = /^https?:\/\//i.test(evidence) ? '{ url: $evidence }' : '{ recordId: $evidence }';
      write(
        token,
        status,
        `mutation Propose($id: ID!, $completion: Completion!, $note: String!${evidence ? ', $evidence: String!' : ''}) {
          proposeProgress(commitmentId: $id, input: { completion: $completion, note: $note, evidence: [${evidence ? item : ''}] }) {
            progress { id state }
          }
        }`,
        { id: commitment.id, completion: values.get('completion'), note: String(values.get('note')), ...(evidence ? { evidence } : {}) },
        reload,
      );
    });
    return propose;
  }

  /** A proposed update another sector may confirm; the API refuses the proposer's own and other states'. */
  function confirmButton(token, update, reload) {
    const status = h('span', { class: 'form-status', role: 'status' });
    const button = h('button', { type: 'button', class: 'confirm' }, 'Confirmar este avance');
    button.addEventListener('click', () =>
      write(token, status, 'mutation Confirm($id: ID!) { confirmProgress(id: $id) { progress { id state } } }', { id: update.id }, reload),
    );
    return h('p', { 'data-confirm': update.id }, button, ' ', status);
  }

  const PENDING = ['OPEN', 'ACKNOWLEDGED'];
  /** Which reports the list shows: those still waiting for an answer that closes them, or every one. */
  let showing = 'pending';

  /** The reports of the member's state (every state's for a moderator), oldest first, a page at a time. */
  async function showReports(token, claims, box) {
    const state = claims.state ?? null;
    const reload = () => showReports(token, claims, box).catch((error) => say(box, p.explain(error), 'warning'));
    const page = (after) =>
      graphql(
        `query StateReports($state: ID, $status: [ReportStatus!], $after: String) {
          reports(filter: { state: $state, status: $status }, first: 50, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { ${p.REPORT} } }
          }
        }`,
        { state, status: showing === 'pending' ? PENDING : null, after },
        { token },
      );
    const { data } = await page(null);
    const list = h('ul', { class: 'report-list secretariat-reports' });
    const more = h('button', { type: 'button', class: 'secondary more' }, 'Ver más reportes');
    let cursor = null;
    const append = (reports) => {
      for (const { node } of reports.edges) {
        const item = p.reportItem(node, `${p.TARGET[node.target.type] ?? node.target.type} ${node.target.id}`);
        item.append(answerForm(token, node, reload));
        list.append(item);
      }
      cursor = reports.pageInfo.endCursor;
      more.hidden = !reports.pageInfo.hasNextPage;
    };
    more.addEventListener('click', async () => {
      try {
        append((await page(cursor)).data.reports);
      } catch (error) {
        more.replaceWith(h('p', { class: 'warning' }, p.explain(error)));
      }
    });
    const which = p.select(
      'showing',
      'Mostrar',
      [
        ['pending', 'Pendientes (abiertos o reconocidos)'],
        ['all', 'Todos'],
      ],
      { required: true },
    );
    which[1].value = showing;
    which[1].addEventListener('change', () => {
      showing = which[1].value;
      reload();
    });
    append(data.reports);
    box.replaceChildren(
      h('h2', {}, `Reportes ${state ? 'sobre la información de tu estado' : 'de todos los estados'} (${data.reports.totalCount})`),
      ...which,
      data.reports.totalCount ? list : h('p', {}, 'No hay reportes.'),
      more,
    );
  }

  async function showCommitments(token, claims, box) {
    if (!claims.state) {
      box.replaceChildren();
      return;
    }
    const { data } = await graphql(
      `query StateCommitments($state: ID!) {
        state(id: $state) { name }
        commitments(filter: { stateId: $state }, first: 100) {
          edges { node { id title completion progress { ${p.PROGRESS} } } }
        }
      }`,
      { state: claims.state },
      { token },
    );
    const reload = () => showCommitments(token, claims, box).catch((error) => say(box, p.explain(error), 'warning'));
    box.replaceChildren(
      h('h2', {}, `Avance de los compromisos de ${data.state?.name ?? claims.state}`),
      ...data.commitments.edges.map(({ node }) => {
        const timeline = p.progressTimeline(node.progress, node.completion);
        for (const update of node.progress) {
          if (update.state !== 'PROPOSED' || update.proposedBy?.sector === claims.sector) continue;
          timeline.querySelector(`[data-update="${CSS.escape(update.id)}"]`)?.append(confirmButton(token, update, reload));
        }
        return h(
          'article',
          { class: 'commitment-progress', 'data-commitment': node.id },
          h('h3', {}, h('a', { href: `/?compromiso=${encodeURIComponent(node.id)}` }, node.title)),
          timeline,
          h('details', {}, h('summary', {}, 'Proponer un avance'), proposeForm(token, node, reload)),
        );
      }),
    );
  }

  async function start(token) {
    const claims = claimsOf(token);
    if (!claims) return say(view, 'Ese texto no parece un token. Cópialo completo, tal como te lo dieron.', 'warning');
    const who = p.actor({ role: claims.role, sector: claims.sector, name: claims.name });
    const reports = h('section', { class: 'reports-section' }, h('p', { class: 'status' }, 'Cargando los reportes…'));
    const commitments = h('section', { class: 'commitments-section' });
    const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
    // Reading reports needs no token, so a bad one shows only when a write is refused; an expired one is said at once.
    view.replaceChildren(
      h(
        'p',
        { class: 'who' },
        `Sesión de ${who}${claims.state ? ` · estado ${claims.state}` : ''}`,
        claims.exp ? ` · vence ${date(new Date(claims.exp * 1000).toISOString())}` : '',
      ),
      expired
        ? h('p', { class: 'warning expired' }, 'Este token ya venció: la API rechazará tus respuestas y avances. Pide uno nuevo.')
        : '',
      reports,
      commitments,
    );
    await Promise.all([
      showReports(token, claims, reports).catch((error) => say(reports, p.explain(error), 'warning')),
      showCommitments(token, claims, commitments).catch((error) => say(commitments, p.explain(error), 'warning')),
    ]);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    sessionStorage.setItem(STORAGE, token);
    input.value = '';
    start(token);
  });
  document.getElementById('leave').addEventListener('click', () => {
    sessionStorage.removeItem(STORAGE);
    view.replaceChildren(h('p', { class: 'status' }, 'Sesión cerrada en esta pestaña.'));
  });
  const saved = sessionStorage.getItem(STORAGE);
  if (saved) start(saved);
})();
