// The journalist's page: plain language, every figure with its source, a CSV of what is shown. One GraphQL request
// per view, to the gateway that serves this page (no third-party host is ever contacted); a commitment's page asks a
// second one for its public reports and progress, asked again after a report is sent.
(() => {
  const { h, graphql } = window.ftm;
  const participation = window.ftmParticipation;
  const view = document.getElementById('view');
  const params = new URLSearchParams(location.search);

  const MOMENTS = [
    ['approved', 'Aprobado', 'approved'],
    ['modified', 'Modificado', 'modified'],
    ['committed', 'Comprometido', 'committed'],
    ['accrued', 'Devengado', 'accrued'],
    ['exercised', 'Ejercido', 'exercised'],
    ['paid', 'Pagado', 'paid'],
  ];
  const FLAGS = {
    EXERCISED_OVER_MODIFIED: 'Se ejerció más de lo modificado',
    NOTHING_EXERCISED: 'No se ejerció nada',
    SCOPE_FINER_THAN_DATA: 'Los datos no llegan al nivel del compromiso (p. ej. municipios): no se muestran totales ajenos',
    PAID_OVER_EXERCISED: 'Se pagó más de lo ejercido',
    NO_LINES_IN_SCOPE: 'No hay renglones presupuestarios en este alcance: las cifras faltan, no son cero',
    NO_ALLOCATIONS: 'El compromiso no tiene programas presupuestarios asignados',
    SAMPLE_DATA: 'Muestra del 1 % del archivo de la SHCP: los totales suman solo los renglones de la muestra',
  };
  const ACCESS = { PUBLIC: 'Público', RESERVED: 'Reservado', CONFIDENTIAL: 'Confidencial' };

  /** One plain line on how much of the paid money public records document; nothing while that is unknown. */
  function coverageLine(documentation) {
    if (!documentation) return null;
    if (documentation.coverage === null)
      return h('p', { class: 'coverage' }, 'No hay pagos registrados: no hay pesos pagados que documentar.');
    const percent = (documentation.coverage * 100).toFixed(1).replace(/\.0$/, '');
    return h(
      'p',
      { class: 'coverage' },
      `El ${percent} % de los pesos pagados está documentado por un expediente público `,
      `(${money(documentation.documented)} de ${money(documentation.paid)}; ${documentation.undocumentedPayments} de ${documentation.payments} pagos sin ninguno). `,
      'Un expediente reservado o confidencial no cuenta: no se revela a qué pago se refiere.',
    );
  }

  /** "1369724738.00" → "1,369,724,738.00": grouping is done on the exact text, never through a float. */
  function money(value) {
    if (value === null || value === undefined) return 'sin dato';
    const [whole, fraction = '00'] = value.split('.');
    const sign = whole.startsWith('-') ? '-' : '';
    const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${sign}$${digits}.${fraction}`;
  }

  function source(provenance) {
    if (!provenance) return null;
    const where = [provenance.file, provenance.row ? `fila ${provenance.row}` : provenance.path].filter(Boolean).join(', ');
    return h(
      'p',
      { class: 'source' },
      `Fuente: ${provenance.publisher} — ${provenance.title} (${where}); licencia ${provenance.licence}.`,
      provenance.illustrative
        ? h('strong', { class: 'illustrative' }, ' Dato ilustrativo: el vínculo no consta en un archivo público.')
        : null,
    );
  }

  /** A spreadsheet runs a cell that starts with = + - @ as a formula: such text cells are prefixed with '. */
  function csvCell(value) {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function csvLink(filename, header, rows) {
    const text = `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
    const href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    return h('a', { href, download: filename, class: 'csv' }, `Descargar CSV (${rows.length} filas)`);
  }

  function chain(chainValue, title) {
    const rows = MOMENTS.filter(([key]) => key in chainValue).map(([key, label]) => ({
      label,
      value: chainValue[key],
      text: money(chainValue[key]),
    }));
    return window.ftmChart.bars(rows, { title });
  }

  function flags(list) {
    if (!list?.length) return null;
    return h(
      'ul',
      { class: 'flags' },
      list.map((flag) => h('li', {}, FLAGS[flag] ?? flag)),
    );
  }

  /** Replaces the view's content; unlike `replaceChildren`, which writes a null as the text "null", skips what is absent. */
  function show(...children) {
    view.replaceChildren(...children.flat(Number.POSITIVE_INFINITY).filter((child) => child !== null && child !== undefined));
  }

  function status(message) {
    show(h('p', { class: 'status' }, message));
  }

  const NOT_A_VERDICT =
    'Una señal de alerta es un motivo para revisar, no una prueba de irregularidad: cada una tiene explicaciones legales posibles. ' +
    'Una señal que no pudo revisarse (el archivo no publica los datos) no cuenta como limpia.';

  /** A contract's title, with a link to its buyer's view when the buyer is a known institution. */
  function contractCell(contract) {
    const buyer = contract.buyer?.id
      ? [' · ', h('a', { href: `/?comprador=${encodeURIComponent(contract.buyer.id)}` }, contract.buyer.name ?? contract.buyer.id)]
      : null;
    return [contract.title ?? contract.id, buyer];
  }

  /** A table of raised flags (contract, flag, reason) with its CSV; a sentence when there is none. */
  function flaggedTable(title, flagged, filename) {
    return h(
      'section',
      { class: 'red-flags' },
      h('h2', {}, title),
      flagged.length === 0
        ? h('p', {}, 'Ningún contrato revisado muestra una señal.')
        : [
            h(
              'table',
              {},
              h('caption', {}, 'Señales de alerta por contrato'),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ['Contrato', 'Señal', 'Por qué'].map((th) => h('th', { scope: 'col' }, th)),
                ),
              ),
              h(
                'tbody',
                {},
                flagged.map(({ contract, flag }) =>
                  h('tr', {}, h('td', {}, contractCell(contract)), h('td', {}, flag.labelEs), h('td', {}, flag.reasonEs)),
                ),
              ),
            ),
            csvLink(
              filename,
              ['contrato', 'senal', 'codigo', 'por_que', 'datos'],
              flagged.map(({ contract, flag }) => [
                contract.id,
                flag.labelEs,
                flag.code,
                flag.reasonEs,
                flag.figures.map((figure) => `${figure.name}=${figure.value ?? ''}`).join('; '),
              ]),
            ),
          ],
    );
  }

  /** The raised flags of a commitment's contracts, with how many contracts each flag could check. */
  function redFlagsSection(contracts, coverage) {
    if (!coverage) return null;
    const flagged = contracts.flatMap((contract) => (contract.redFlags ?? []).map((flag) => ({ contract, flag })));
    return [
      flaggedTable(`Señales de alerta en los contratos (${flagged.length})`, flagged, 'senales.csv'),
      h('p', { class: 'verdict' }, NOT_A_VERDICT),
      h(
        'ul',
        { class: 'flag-coverage' },
        coverage.filter((flag) => flag.contracts > 0).map((flag) => h('li', {}, h('strong', {}, flag.labelEs), `: ${flag.summaryEs}`)),
      ),
    ];
  }

  const PROVENANCE = 'source { dataset file row path title publisher licence illustrative }';
  const CHAIN = 'approved modified committed accrued exercised paid executionRate flags';

  async function showSearch(text) {
    document.getElementById('q').value = text;
    status('Buscando…');
    const { data } = await graphql(
      `query Search($text: String!) {
        search(text: $text) {
          commitments(first: 20) { node { id title actionPlan { state { name } } } }
          states(first: 5) { node { id name } }
          budgetPrograms(first: 20) { node { id key name fiscalYear } }
          contracts(first: 20) { node { id title value } }
          institutions(first: 20) { node { id name acronym } }
          records(first: 20) { node { code title access } }
        }
      }`,
      { text },
    );
    const found = data.search;
    // A list is null while the subgraph that owns it is unavailable; the others still answer.
    const section = (title, hits, item) =>
      h(
        'section',
        {},
        h('h2', {}, `${title} (${hits === null ? 'no disponible' : hits.length})`),
        hits?.length
          ? h(
              'ul',
              { class: 'results' },
              hits.map(({ node }) => h('li', {}, item(node))),
            )
          : h('p', {}, 'Nada encontrado.'),
      );
    show(
      section('Compromisos de gobierno abierto', found.commitments, (c) =>
        h('a', { href: `/?compromiso=${encodeURIComponent(c.id)}` }, `${c.actionPlan?.state?.name ?? ''} · ${c.title}`),
      ),
      section('Estados', found.states, (st) => h('a', { href: `/?estado=${encodeURIComponent(st.id)}` }, st.name)),
      section('Programas presupuestarios', found.budgetPrograms, (p) => `${p.fiscalYear} · ${p.key} — ${p.name}`),
      section('Contratos', found.contracts, (k) => `${k.title ?? k.id}${k.value ? ` · ${money(k.value)}` : ''}`),
      section('Instituciones', found.institutions, (i) => `${i.name}${i.acronym ? ` (${i.acronym})` : ''}`),
      section('Expedientes', found.records, (r) => `${r.code} · ${r.access === 'PUBLIC' ? r.title : ACCESS[r.access]}`),
    );
  }

  /** Fields of each kind of item a report may name, as [field, label]. */
  const REPORT_FIELDS = {
    COMMITMENT: [
      ['title', 'Título'],
      ['description', 'Descripción'],
      ['stage', 'Etapa'],
      ['responsibleInstitution', 'Institución responsable'],
    ],
    BUDGET_PROGRAM: [...MOMENTS.map(([key, label]) => [`totals.${key}`, label]), ['name', 'Nombre del programa']],
    CONTRACT: [
      ['title', 'Título'],
      ['value', 'Monto'],
      ['suppliers', 'Proveedores'],
      ['buyer', 'Comprador'],
    ],
    TRANSACTION: [
      ['amount', 'Monto'],
      ['date', 'Fecha'],
      ['moment', 'Momento'],
    ],
    RECORD: [
      ['title', 'Título'],
      ['access', 'Acceso'],
      ['reservedUntil', 'Fecha de reserva'],
      ['legalBasis', 'Fundamento legal'],
    ],
  };

  /** The blocks of the page on show, each with its "Reportar un problema", filled by `loadParticipation`. */
  let blocks = [];

  function reportBlock(targets, type, reload) {
    if (targets.length === 0) return null;
    const block = participation.reportBlock({ targets, fields: REPORT_FIELDS[type], onCreated: reload });
    blocks.push(block);
    return block.element;
  }

  /** Records as a list; a withheld one shows only that it exists, its series, legal basis and reserve date. */
  function recordsSection(title, records, note, reload) {
    return h(
      'section',
      { class: 'record-block' },
      h('h2', {}, title),
      note ? h('p', {}, note) : null,
      records.length === 0
        ? h('p', {}, 'Ninguno.')
        : h(
            'ul',
            { class: 'records' },
            records.map((r) =>
              h(
                'li',
                { class: `record access-${r.access.toLowerCase()}` },
                h('strong', {}, r.code),
                ' · ',
                r.access === 'PUBLIC'
                  ? r.title
                  : h(
                      'span',
                      { class: 'reserved' },
                      `${ACCESS[r.access]} hasta ${r.reservedUntil ?? 'sin fecha'} (${r.legalBasis ?? 'sin fundamento publicado'})`,
                    ),
                ` · Serie ${r.series.code} ${r.series.title}`,
              ),
            ),
          ),
      reportBlock(
        records.map((r) => ({ type: 'RECORD', id: r.id, label: `Expediente ${r.code}` })),
        'RECORD',
        reload,
      ),
    );
  }

  const REPORTS = `reports(first: 10) { totalCount edges { node { ${participation.REPORT} } } }`;
  const NESTED_REPORTS = `reports(first: 5) { totalCount edges { node { ${participation.REPORT} } } }`;

  /**
   * The commitment's public reports, item by item, and its progress: asked apart from the figures, so that a report
   * sent (which moves only participation's data version) refreshes these alone. Three questions, each well within the
   * API's cost limit, where one asking for everything would go over it.
   */
  const PARTICIPATION = [
    `commitment(id: $id) {
      id ${REPORTS}
      completion progress { ${participation.PROGRESS} }
      allocations { program { id ${REPORTS} } }
      records { id ${REPORTS} }
    }`,
    `commitment(id: $id) { contracts { id ${REPORTS} transactions { id ${NESTED_REPORTS} } } }`,
    `commitment(id: $id) { responsibleInstitution { records(first: 100) { edges { node { id ${NESTED_REPORTS} } } } } }`,
  ];

  async function loadParticipation(id, progressBox) {
    let answers;
    try {
      answers = await Promise.all(
        PARTICIPATION.map((selection, part) => graphql(`query Participation${part + 1}($id: ID!) { ${selection} }`, { id })),
      );
    } catch (error) {
      progressBox.replaceChildren(
        h('p', { class: 'warning' }, `Los reportes y el avance no están disponibles: ${participation.explain(error)}`),
      );
      return;
    }
    const [c, money, institution] = answers.map(({ data }) => data.commitment);
    const reports = new Map();
    const keep = (type, item) => item?.reports && reports.set(`${type}:${item.id}`, item.reports);
    keep('COMMITMENT', c);
    for (const allocation of c?.allocations ?? []) keep('BUDGET_PROGRAM', allocation.program);
    for (const record of c?.records ?? []) keep('RECORD', record);
    for (const contract of money?.contracts ?? []) {
      keep('CONTRACT', contract);
      for (const t of contract.transactions) keep('TRANSACTION', t);
    }
    for (const { node } of institution?.responsibleInstitution?.records?.edges ?? []) keep('RECORD', node);
    for (const block of blocks) block.show((type, itemId) => reports.get(`${type}:${itemId}`) ?? null);
    progressBox.replaceChildren(
      c?.progress
        ? participation.progressTimeline(c.progress, c.completion)
        : h('p', { class: 'warning' }, 'El avance no está disponible.'),
    );
  }

  async function showCommitment(id) {
    status('Cargando el compromiso…');
    const { data, errors } = await graphql(
      `query Commitment($id: ID!) {
        commitment(id: $id) {
          id title description themes stage ${PROVENANCE}
          actionPlan { title state { id name } }
          responsibleInstitution { name records(first: 100) { edges { node { id code access reservedUntil legalBasis series { code title } } } } }
          funding { ${CHAIN} }
          allocations { basis assigned ${PROVENANCE} program { id key name fiscalYear totals { ${CHAIN} } ${PROVENANCE} } }
          contracts { id title value suppliers { name } buyer { id name } ${PROVENANCE}
            transactions { id date moment amount ${PROVENANCE} }
            redFlags(raisedOnly: true) { code labelEs reasonEs figures { name value } } }
          redFlags { code labelEs contracts checked raised summaryEs }
          records { id code title access reservedUntil legalBasis series { code title } }
          documentation { paid documented coverage payments undocumentedPayments }
        }
      }`,
      { id },
    );
    const c = data.commitment;
    if (!c) return status(`No existe el compromiso ${id}.`);
    // Fields other subgraphs contribute are null while that subgraph is unavailable: the page shows what it has.
    const allocations = c.allocations ?? [];
    const contracts = c.contracts ?? [];
    const programs = allocations.filter((allocation) => allocation.program);
    const missing = allocations.length - programs.length;
    const payments = contracts.flatMap((contract) => contract.transactions.map((t) => ({ contract, t })));
    const progressBox = h('div', { class: 'progress-box' }, h('p', { class: 'status' }, 'Cargando el avance…'));
    const feed = `/feeds/commitments/${encodeURIComponent(c.id)}.atom`;
    const reload = () => loadParticipation(c.id, progressBox);
    blocks = [];
    show(
      h(
        'p',
        { class: 'crumb' },
        h('a', { href: `/?estado=${c.actionPlan?.state?.id}` }, c.actionPlan?.state?.name ?? ''),
        ` · ${c.actionPlan?.title ?? ''}`,
      ),
      h('h1', {}, c.title),
      c.description && c.description !== c.title ? h('p', {}, c.description) : null,
      h('p', {}, `Responsable: ${c.responsibleInstitution?.name ?? 'sin dato'} · Etapa: ${c.stage ?? 'sin dato'}`),
      source(c.source),
      h(
        'section',
        { class: 'commitment-block' },
        h('h2', {}, 'Reportes sobre la información del compromiso'),
        reportBlock([{ type: 'COMMITMENT', id: c.id, label: c.title }], 'COMMITMENT', reload),
      ),
      h(
        'section',
        { class: 'progress-section' },
        h('h2', {}, 'Avance reportado por el secretariado técnico'),
        progressBox,
        h(
          'p',
          { class: 'feed' },
          h('a', { href: feed, type: 'application/atom+xml' }, 'Sigue este compromiso en tu lector de noticias (Atom)'),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Programas presupuestarios asignados'),
        missing ? h('p', {}, `${missing} programa(s) citados no tienen renglones en los datos cargados: no se inventan cifras.`) : null,
        programs.map((allocation) =>
          h(
            'article',
            { class: 'program' },
            h('h3', {}, `${allocation.program.key} — ${allocation.program.name} (${allocation.program.fiscalYear})`),
            chain(allocation.program.totals, `Momentos presupuestarios de ${allocation.program.key} en ${allocation.program.fiscalYear}`),
            h(
              'dl',
              { class: 'figures' },
              MOMENTS.map(([key, label, english]) => [
                h('dt', {}, label, ' ', h('span', { lang: 'en' }, `(${english})`)),
                h('dd', { 'data-moment': key }, money(allocation.program.totals[key])),
              ]),
            ),
            flags(allocation.program.totals.flags),
            source(allocation.program.source),
            csvLink(
              `${allocation.program.id.replace(':', '-')}.csv`,
              ['programa', 'ejercicio', 'momento', 'monto_mxn', 'fuente', 'archivo'],
              MOMENTS.map(([key]) => [
                allocation.program.key,
                allocation.program.fiscalYear,
                key,
                allocation.program.totals[key],
                allocation.program.source.dataset,
                allocation.program.source.file,
              ]),
            ),
            reportBlock(
              [
                {
                  type: 'BUDGET_PROGRAM',
                  id: allocation.program.id,
                  label: `${allocation.program.key} (${allocation.program.fiscalYear})`,
                },
              ],
              'BUDGET_PROGRAM',
              reload,
            ),
          ),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Recursos del compromiso en su territorio'),
        c.funding ? [chain(c.funding, 'Recursos dentro del alcance del compromiso'), flags(c.funding.flags)] : h('p', {}, 'Sin dato.'),
      ),
      h(
        'section',
        {},
        h('h2', {}, `Contratos y pagos (${contracts.length})`),
        coverageLine(c.documentation),
        contracts.length === 0
          ? h('p', {}, 'Ningún contrato publicado está cargado a estos programas.')
          : [
              contracts.map((contract) =>
                h(
                  'article',
                  { class: 'contract' },
                  h('h3', {}, contract.title ?? contract.id),
                  h(
                    'p',
                    {},
                    `Monto: ${money(contract.value)} · Proveedores: ${contract.suppliers.map((s) => s.name).join(', ') || 'sin dato'} · Comprador: ${contract.buyer?.name ?? 'sin dato'}`,
                  ),
                  source(contract.source),
                  reportBlock([{ type: 'CONTRACT', id: contract.id, label: contract.title ?? contract.id }], 'CONTRACT', reload),
                ),
              ),
              h(
                'div',
                { class: 'payment-block' },
                h(
                  'table',
                  {},
                  h('caption', {}, 'Pagos de los contratos'),
                  h(
                    'thead',
                    {},
                    h(
                      'tr',
                      {},
                      ['Contrato', 'Fecha', 'Momento', 'Monto'].map((th) => h('th', { scope: 'col' }, th)),
                    ),
                  ),
                  h(
                    'tbody',
                    {},
                    payments.map(({ contract, t }) =>
                      h(
                        'tr',
                        {},
                        h('td', {}, contract.title ?? contract.id),
                        h('td', {}, t.date ?? ''),
                        h('td', {}, t.moment),
                        h('td', { class: 'num' }, money(t.amount)),
                      ),
                    ),
                  ),
                ),
                csvLink(
                  'pagos.csv',
                  ['contrato', 'fecha', 'momento', 'monto_mxn', 'fuente', 'archivo'],
                  payments.map(({ contract, t }) => [contract.id, t.date, t.moment, t.amount, t.source.dataset, t.source.file]),
                ),
                reportBlock(
                  payments.map(({ contract, t }) => ({
                    type: 'TRANSACTION',
                    id: t.id,
                    label: `${contract.title ?? contract.id} · ${t.date ?? 'sin fecha'} · ${t.moment} · ${money(t.amount)}`,
                  })),
                  'TRANSACTION',
                  reload,
                ),
              ),
            ],
      ),
      redFlagsSection(contracts, c.redFlags),
      recordsSection(`Expedientes que documentan las decisiones (${(c.records ?? []).length})`, c.records ?? [], null, reload),
      recordsSection(
        'Expedientes reservados o confidenciales de la institución responsable',
        (c.responsibleInstitution?.records?.edges ?? []).map(({ node }) => node).filter((r) => r.access !== 'PUBLIC'),
        'La ley permite reservar un expediente (p. ej. una auditoría en curso) o proteger datos personales: se muestra que existe, su serie, su fundamento y hasta cuándo, no su contenido ni a qué decisión se refiere.',
        reload,
      ),
      errors?.length
        ? h('p', { class: 'warning' }, `Parte de la respuesta no está disponible: ${errors.map((e) => e.message).join('; ')}`)
        : null,
    );
    document.title = `${c.title.slice(0, 60)}… — Sigue el dinero`;
    await reload();
  }

  async function showState(id) {
    status('Cargando el estado…');
    const { data } = await graphql(
      `query State($id: ID!) {
        state(id: $id) {
          name
          openGovernmentMetric { year index transparency participation ${PROVENANCE} }
          actionPlans { id title commitments(first: 50) { edges { node { id title } } } }
        }
        byYear: spending(groupBy: [FISCAL_YEAR], filter: { states: [$id] }, first: 100) {
          edges { node { key { fiscalYear } amounts { approved modified exercised paid } lineCount } }
        }
        byChapter: spending(groupBy: [FISCAL_YEAR, CHAPTER], filter: { states: [$id] }, first: 100) {
          edges { node { key { fiscalYear chapter { code name } } amounts { approved paid } } }
        }
      }`,
      { id },
    );
    const s = data.state;
    if (!s) return status(`No existe el estado ${id}.`);
    const years = data.byYear.edges.map(({ node }) => node);
    const chapters = data.byChapter.edges.map(({ node }) => node);
    const rows = years.flatMap((cell) =>
      ['approved', 'paid'].map((moment) => ({
        label: `${cell.key.fiscalYear} ${moment === 'approved' ? 'aprobado' : 'pagado'}`,
        value: cell.amounts[moment],
        text: money(cell.amounts[moment]),
      })),
    );
    const chapterRows = chapters.map((cell) => ({
      label: `${cell.key.fiscalYear} · ${cell.key.chapter?.code ?? '?'}`,
      value: cell.amounts.approved,
      text: `${money(cell.amounts.approved)} ${cell.key.chapter?.name ?? ''}`,
    }));
    show(
      h('h1', {}, s.name),
      h(
        'p',
        { class: 'feed' },
        h(
          'a',
          { href: `/feeds/states/${encodeURIComponent(id)}.atom`, type: 'application/atom+xml' },
          `Sigue los reportes y avances de ${s.name} en tu lector de noticias (Atom)`,
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Presupuesto federal ubicado en el estado, por año'),
        h('p', {}, 'Suma de los renglones del PEF cuya entidad federativa es este estado (muestra de 1 % en los datos incluidos).'),
        window.ftmChart.bars(rows, { title: `Presupuesto por año en ${s.name}` }),
        csvLink(
          `presupuesto-${id}.csv`,
          ['estado', 'ejercicio', 'aprobado', 'modificado', 'ejercido', 'pagado', 'renglones'],
          years.map((cell) => [
            s.name,
            cell.key.fiscalYear,
            cell.amounts.approved,
            cell.amounts.modified,
            cell.amounts.exercised,
            cell.amounts.paid,
            cell.lineCount,
          ]),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Por año y capítulo de gasto (aprobado)'),
        h(
          'p',
          {},
          'Capítulos del clasificador por objeto del gasto: 1000 servicios personales, 2000 materiales, 3000 servicios generales, 4000 transferencias…',
        ),
        window.ftmChart.bars(chapterRows, { title: `Presupuesto aprobado por año y capítulo en ${s.name}`, width: 920 }),
        csvLink(
          `capitulos-${id}.csv`,
          ['estado', 'ejercicio', 'capitulo', 'nombre', 'aprobado', 'pagado'],
          chapters.map((cell) => [
            s.name,
            cell.key.fiscalYear,
            cell.key.chapter?.code,
            cell.key.chapter?.name,
            cell.amounts.approved,
            cell.amounts.paid,
          ]),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Métrica de Gobierno Abierto'),
        s.openGovernmentMetric.length
          ? s.openGovernmentMetric.map((m) => [
              h('p', {}, `${m.year}: índice ${m.index}, transparencia ${m.transparency}, participación ${m.participation}`),
              source(m.source),
            ])
          : h('p', {}, 'Sin dato.'),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Planes de acción local'),
        s.actionPlans.map((plan) =>
          h(
            'article',
            {},
            h('h3', {}, plan.title),
            h(
              'ul',
              {},
              plan.commitments.edges.map(({ node }) =>
                h('li', {}, h('a', { href: `/?compromiso=${encodeURIComponent(node.id)}` }, node.title)),
              ),
            ),
          ),
        ),
      ),
    );
    document.title = `${s.name} — Sigue el dinero`;
  }

  const percent = (share) => (share === null || share === undefined ? 'sin dato' : `${(share * 100).toFixed(1)} %`);

  /**
   * A buying institution: per currency, its contracts, value, direct-award share, how concentrated its money is among
   * suppliers (Herfindahl–Hirschman index) and the share of its checked contracts raising each flag; then its flagged
   * contracts with the reason. Each table has its CSV.
   */
  async function showBuyer(id) {
    status('Cargando el comprador…');
    const { data } = await graphql(
      `query Buyer($id: ID!) {
        procurement(groupBy: [BUYER], filter: { buyers: [$id] }, first: 10) { edges { node {
          key { currency } contractCount value { amount currency } directCount directShare directCountShare
          supplierConcentration { hhi suppliers topSupplierShare }
          redFlags { code labelEs checked raised share summaryEs } } } }
        contracts(filter: { buyerId: $id }, first: 100) { totalCount edges { node {
          id title buyerAsPublished { name } redFlags(raisedOnly: true) { code labelEs reasonEs figures { name value } } } } }
      }`,
      { id },
    );
    const cells = data.procurement.edges.map(({ node }) => node);
    const contracts = data.contracts.edges.map(({ node }) => node);
    if (cells.length === 0) return status(`No hay contratos cargados del comprador ${id}.`);
    const name = contracts.find((contract) => contract.buyerAsPublished?.name)?.buyerAsPublished.name ?? id;
    const flagged = contracts.flatMap((contract) => contract.redFlags.map((flag) => ({ contract, flag })));
    show(
      h('h1', {}, name),
      h('p', {}, `Comprador ${id} · ${data.contracts.totalCount} contratos cargados (CompraNet y OCDS).`),
      h('p', {}, NOT_A_VERDICT),
      cells.map((cell) =>
        h(
          'article',
          { class: 'buyer' },
          h('h2', {}, `Contratos en ${cell.key.currency ?? 'moneda sin dato'}`),
          h(
            'dl',
            { class: 'figures' },
            h('dt', {}, 'Contratos'),
            h('dd', {}, String(cell.contractCount)),
            h('dt', {}, 'Monto'),
            h('dd', {}, cell.value ? `${money(cell.value.amount)} ${cell.value.currency}` : 'sin dato'),
            h('dt', {}, 'Adjudicación directa (monto)'),
            h('dd', {}, percent(cell.directShare)),
            h('dt', {}, 'Adjudicación directa (contratos)'),
            h('dd', {}, `${percent(cell.directCountShare)} (${cell.directCount})`),
            h('dt', {}, 'Concentración en proveedores (IHH, 0 a 10,000)'),
            h(
              'dd',
              {},
              cell.supplierConcentration
                ? `${cell.supplierConcentration.hhi.toFixed(0)} · ${cell.supplierConcentration.suppliers} proveedores; el mayor recibe ${percent(cell.supplierConcentration.topSupplierShare)}`
                : 'sin dato',
            ),
          ),
          h(
            'table',
            {},
            h('caption', {}, 'Señales de alerta: cuántos contratos pudieron revisarse y cuántos la muestran'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Señal', 'Revisados', 'Con la señal', 'Proporción'].map((th) => h('th', { scope: 'col' }, th)),
              ),
            ),
            h(
              'tbody',
              {},
              cell.redFlags.map((flag) =>
                h(
                  'tr',
                  {},
                  h('td', {}, flag.labelEs),
                  h('td', { class: 'num' }, `${flag.checked} de ${cell.contractCount}`),
                  h('td', { class: 'num' }, String(flag.raised)),
                  h('td', { class: 'num' }, percent(flag.share)),
                ),
              ),
            ),
          ),
          csvLink(
            `comprador-${id}-${cell.key.currency ?? 'sin-moneda'}.csv`,
            [
              'comprador',
              'moneda',
              'contratos',
              'monto',
              'proporcion_directa_monto',
              'ihh',
              'senal',
              'revisados',
              'con_senal',
              'proporcion',
            ],
            cell.redFlags.map((flag) => [
              id,
              cell.key.currency,
              cell.contractCount,
              cell.value?.amount,
              cell.directShare,
              cell.supplierConcentration?.hhi,
              flag.code,
              flag.checked,
              flag.raised,
              flag.share,
            ]),
          ),
        ),
      ),
      flaggedTable(
        `Contratos con señales de alerta (${flagged.length}, entre los primeros ${contracts.length} contratos)`,
        flagged,
        `senales-${id}.csv`,
      ),
    );
    document.title = `${name} — Sigue el dinero`;
  }

  async function showHome() {
    const { data } = await graphql(
      `{ commitments(first: 50, filter: { theme: FOLLOW_THE_MONEY }) { edges { node { id title actionPlan { state { name } } } } } }`,
    );
    show(
      h('h1', {}, 'Compromisos para seguir el dinero'),
      h('p', {}, 'Compromisos de los planes de acción local de gobierno abierto que piden seguir la ruta de los recursos públicos.'),
      h(
        'ul',
        { class: 'results' },
        data.commitments.edges.map(({ node }) =>
          h(
            'li',
            {},
            h('a', { href: `/?compromiso=${encodeURIComponent(node.id)}` }, `${node.actionPlan?.state?.name ?? ''} · ${node.title}`),
          ),
        ),
      ),
    );
  }

  async function showProgramme() {
    status('Cargando las cifras del programa…');
    show(await window.ftmProgramme.render());
    document.title = 'El programa: lo reportado y lo encontrado — Sigue el dinero';
  }

  const route = params.has('programa')
    ? showProgramme()
    : params.get('compromiso')
      ? showCommitment(params.get('compromiso'))
      : params.get('comprador')
        ? showBuyer(params.get('comprador'))
        : params.get('estado')
          ? showState(params.get('estado'))
          : params.get('q')
            ? showSearch(params.get('q'))
            : showHome();
  route.catch((error) => status(`No se pudo consultar la API: ${error.message}`));
})();
