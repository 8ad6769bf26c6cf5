// Participation on the pages: the "Reportar un problema" form and the public reports of a block, a commitment's
// progress timeline, and the plain-Spanish words for the API's codes. Everything a person wrote is set as text.
window.ftmParticipation = (() => {
  const { h, graphql, date } = window.ftm;

  const CATEGORY = {
    WRONG_FIGURE: 'Cifra equivocada',
    MISSING_INFORMATION: 'Falta información',
    MISSING_DOCUMENT: 'Falta un documento',
    BROKEN_LINK: 'Enlace roto',
    OUTDATED: 'Información desactualizada',
    UNCLEAR_LANGUAGE: 'Lenguaje poco claro',
    OTHER: 'Otro problema',
  };
  const STATUS = {
    OPEN: 'Abierto',
    ACKNOWLEDGED: 'Reconocido',
    RESOLVED: 'Resuelto',
    REJECTED: 'Rechazado',
    DUPLICATE: 'Duplicado',
  };
  const COMPLETION = { NOT_STARTED: 'No iniciado', LIMITED: 'Limitado', SUBSTANTIAL: 'Sustancial', COMPLETE: 'Completo' };
  const SECTOR = { GOVERNMENT: 'Gobierno', CIVIL_SOCIETY: 'Sociedad civil', GUARANTOR_BODY: 'Órgano garante' };
  const ROLE = { SECRETARIAT_MEMBER: 'Secretariado técnico', MODERATOR: 'Moderación', ADMIN: 'Administración' };
  const TARGET = {
    COMMITMENT: 'Compromiso',
    ACTION_PLAN: 'Plan de acción',
    BUDGET_PROGRAM: 'Programa presupuestario',
    CONTRACT: 'Contrato',
    TRANSACTION: 'Pago',
    RECORD: 'Expediente',
    INSTITUTION: 'Institución',
    STATE: 'Estado',
  };
  const BODY_MAX = 4000;
  const CONTACT_MAX = 200;

  /** The GraphQL selection of a report as the pages show it: no contact (the API has no such field). */
  const REPORT = 'id target { type id } field category body status createdAt answers { status note at by { role sector name } }';
  const PROGRESS =
    'id completion note state at confirmedAt evidence { recordId url } proposedBy { role sector name } confirmedBy { role sector name }';

  /** The API's refusals in plain Spanish, for a person rather than a program. */
  function explain(error) {
    const codes = error.codes ?? [];
    if (codes.includes('UNAUTHENTICATED'))
      return 'El token no es válido, ya venció o no es para esta API. Pide uno nuevo a quien administra el secretariado.';
    if (codes.includes('FORBIDDEN'))
      return 'Tu token no permite esta acción: solo puedes atender reportes y compromisos de tu estado, y confirmar avances que propuso otro sector.';
    if (codes.includes('RATE_LIMITED')) return 'Demasiados envíos seguidos desde esta conexión. Espera un momento y vuelve a intentarlo.';
    if (codes.includes('BAD_USER_INPUT')) return `Revisa lo que escribiste: ${error.message}`;
    return `No se pudo completar: ${error.message}`;
  }

  function actor(who) {
    if (!who) return 'sin dato';
    const role = ROLE[who.role] ?? who.role;
    const sector = who.sector ? ` (${SECTOR[who.sector] ?? who.sector})` : '';
    return who.name ? `${who.name}, ${role}${sector}` : `${role}${sector}`;
  }

  /** A key for one intended write: a retry of the same submission creates nothing new. Works outside HTTPS too. */
  function newKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** Only web addresses become links: a `javascript:` or `data:` URL someone typed stays text. */
  function safeLink(url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return h('a', { href: parsed.href, rel: 'nofollow noopener' }, url);
    } catch {}
    return url;
  }

  function select(name, label, options, { required = false, empty } = {}) {
    const id = `${name}-${newKey().slice(0, 8)}`;
    return [
      h('label', { for: id }, label),
      h(
        'select',
        { id, name, required },
        empty ? h('option', { value: '' }, empty) : null,
        options.map(([value, text]) => h('option', { value }, text)),
      ),
    ];
  }

  function reportItem(report, targetLabel) {
    return h(
      'li',
      { class: `report status-${report.status.toLowerCase()}`, 'data-report': report.id },
      h('span', { class: 'report-status' }, STATUS[report.status] ?? report.status),
      ' ',
      h('strong', {}, CATEGORY[report.category] ?? report.category),
      targetLabel ? ` · ${targetLabel}` : null,
      report.field ? ` · campo ${report.field}` : null,
      ` · ${date(report.createdAt)}`,
      h('p', { class: 'report-body' }, report.body),
      report.answers.length
        ? h(
            'ul',
            { class: 'answers' },
            report.answers.map((answer) =>
              h(
                'li',
                { class: 'answer' },
                `${STATUS[answer.status] ?? answer.status} · ${date(answer.at)} · ${actor(answer.by)}: `,
                h('span', { class: 'answer-note' }, answer.note),
              ),
            ),
          )
        : null,
    );
  }

  /**
   * A block's "Reportar un problema": targets are the items it may be about ({ type, id, label }; a select when more
   * than one), fields the parts of them a report may name ([value, label]). `show(reportsOf)` lists the public reports
   * of every target, reportsOf(type, id) giving a ReportConnection or null; `onCreated` runs after a report is sent.
   */
  function reportBlock({ targets, fields = [], onCreated }) {
    const list = h('div', { class: 'reports' });
    const status = h('p', { class: 'form-status', role: 'status' });
    let key = newKey();
    const bodyId = `body-${key.slice(0, 8)}`;
    const contactId = `contact-${key.slice(0, 8)}`;
    const form = h(
      'form',
      { class: 'report-form' },
      targets.length > 1
        ? select(
            'target',
            '¿Sobre cuál?',
            targets.map((target, index) => [String(index), target.label]),
            { required: true },
          )
        : null,
      select('category', 'Qué problema hay', Object.entries(CATEGORY), { required: true }),
      fields.length ? select('field', 'En qué dato (opcional)', fields, { empty: 'En general' }) : null,
      h('label', { for: bodyId }, 'Descríbelo'),
      h('textarea', { id: bodyId, name: 'body', required: true, maxlength: BODY_MAX, rows: 4 }),
      h('label', { for: contactId }, 'Tu correo o teléfono (opcional)'),
      h('input', { id: contactId, name: 'contact', type: 'text', maxlength: CONTACT_MAX, autocomplete: 'email' }),
      h(
        'p',
        { class: 'note' },
        'Tu contacto nunca se publica: solo lo ve el equipo de moderación por si necesita preguntarte algo, y se borra cuando el reporte se cierra. El resto de tu reporte es público en cuanto lo envías.',
      ),
      h('button', { type: 'submit' }, 'Enviar reporte'),
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = new FormData(form);
      const target = targets[Number(values.get('target') ?? 0)];
      const button = form.querySelector('button');
      button.disabled = true;
      status.textContent = 'Enviando…';
      try {
        await graphql(
          `mutation ReportProblem($type: TargetType!, $id: ID!, $field: String, $category: ReportCategory!, $body: String!, $contact: String) {
            reportProblem(input: { target: { type: $type, id: $id }, field: $field, category: $category, body: $body, contact: $contact }) {
              report { id status }
            }
          }`,
          {
            type: target.type,
            id: target.id,
            field: values.get('field') || null,
            category: values.get('category'),
            body: String(values.get('body')),
            contact: String(values.get('contact') ?? '').trim() || null,
          },
          { idempotencyKey: key },
        );
        form.reset();
        key = newKey();
        status.textContent = 'Gracias. Tu reporte ya es público; quien publica el dato puede responderlo aquí mismo.';
        await onCreated?.();
      } catch (error) {
        status.textContent = explain(error);
      } finally {
        button.disabled = false;
      }
    });
    const element = h(
      'div',
      { class: 'participation' },
      list,
      h('details', { class: 'report-problem' }, h('summary', {}, 'Reportar un problema'), form),
    );
    function show(reportsOf) {
      const items = targets.flatMap((target) =>
        (reportsOf(target.type, target.id)?.edges ?? []).map(({ node }) => reportItem(node, targets.length > 1 ? target.label : null)),
      );
      const more = targets.reduce((sum, target) => {
        const connection = reportsOf(target.type, target.id);
        return sum + (connection ? connection.totalCount - connection.edges.length : 0);
      }, 0);
      list.replaceChildren(
        items.length
          ? h('ul', { class: 'report-list', 'aria-label': 'Reportes públicos' }, items)
          : h('p', { class: 'no-reports' }, 'Nadie ha reportado problemas aquí.'),
      );
      // The API lists reports oldest first: past a page, the newest are the ones left out.
      if (more > 0) list.append(h('p', { class: 'note' }, `Y ${more} reporte(s) más recientes que no caben aquí.`));
    }
    return { element, show };
  }

  /** A commitment's confirmed completion and every update, proposed or confirmed, with sector and date. */
  function progressTimeline(progress, completion) {
    const updates = [...progress].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return h(
      'div',
      { class: 'progress' },
      h(
        'p',
        { class: 'completion' },
        completion
          ? ['Grado de avance confirmado: ', h('strong', { 'data-completion': completion }, COMPLETION[completion] ?? completion)]
          : 'Todavía no hay un avance confirmado por el secretariado técnico.',
      ),
      updates.length
        ? h(
            'ol',
            { class: 'timeline' },
            updates.map((update) =>
              h(
                'li',
                { class: `update update-${update.state.toLowerCase()}`, 'data-update': update.id },
                h('strong', {}, COMPLETION[update.completion] ?? update.completion),
                ` · propuesto el ${date(update.at)} por ${actor(update.proposedBy)}`,
                update.state === 'CONFIRMED'
                  ? ` · confirmado el ${date(update.confirmedAt)} por ${actor(update.confirmedBy)}`
                  : h('span', { class: 'pending' }, ' · pendiente de confirmar por otro sector'),
                h('p', { class: 'update-note' }, update.note),
                update.evidence.length
                  ? h(
                      'ul',
                      { class: 'evidence' },
                      update.evidence.map((item) => h('li', {}, item.url ? safeLink(item.url) : `Expediente ${item.recordId}`)),
                    )
                  : null,
              ),
            ),
          )
        : null,
    );
  }

  return {
    CATEGORY,
    STATUS,
    COMPLETION,
    SECTOR,
    ROLE,
    TARGET,
    REPORT,
    PROGRESS,
    explain,
    actor,
    newKey,
    select,
    reportItem,
    reportBlock,
    progressTimeline,
  };
})();
