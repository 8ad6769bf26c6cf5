// "El programa" (/?programa): what Cocreación desde lo Local reported about itself beside what the loaded data holds.
// The two sides are computed apart and shown together; neither replaces the other, and a measure the data cannot
// check says so instead of showing a count.
window.ftmProgramme = (() => {
  const { h, graphql } = window.ftm;

  const PLANS_PAGE = 100;
  const FIGURES = `programmeFigures {
    measure asOf reportedCount said
    states { id name }
    sources { dataset file row title publisher licence }
  }
  technicalSecretariats { installedOn state { id name } }`;
  const PLANS = `actionPlans(first: ${PLANS_PAGE}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id declarationSignedOn publishedOn state { id name } commitments(first: 1) { totalCount } } }
  }`;

  const LABELS = {
    COHORT_2015: 'Generación 2015 de cocreación',
    COHORT_2016: 'Generación 2016 de cocreación',
    PARTICIPATING_STATES: 'Estados participantes',
    TECHNICAL_SECRETARIATS: 'Secretariados técnicos locales instalados',
    LOCAL_ACTION_PLANS: 'Planes de acción local publicados',
    COMMITMENTS: 'Compromisos de esos planes',
    COMMITMENTS_PER_PLAN: 'Compromisos por plan',
    NEXT_ACTION_PLANS: 'Planes anunciados como siguientes',
    PRELIMINARY_EVALUATIONS: 'Evaluaciones preliminares anunciadas',
    CLOSING_EVALUATIONS: 'Evaluaciones de cierre anunciadas',
    RELAUNCHES: 'Relanzamientos anunciados',
    ADHESION_DECLARATIONS: 'Declaraciones de adhesión',
  };

  /** The first page comes with the figures; further pages of plans (past 100) are asked one by one. */
  async function load() {
    const { data, errors } = await graphql(`query Programme($after: String) { ${FIGURES} ${PLANS} }`, { after: null });
    const plans = data.actionPlans.edges.map(({ node }) => node);
    let page = data.actionPlans.pageInfo;
    while (page.hasNextPage) {
      const next = await graphql(`query ProgrammePlans($after: String) { ${PLANS} }`, { after: page.endCursor });
      plans.push(...next.data.actionPlans.edges.map(({ node }) => node));
      page = next.data.actionPlans.pageInfo;
    }
    return { figures: data.programmeFigures, secretariats: data.technicalSecretariats, plans, errors };
  }

  /** The last day a figure "as of" 2017 or 2015-02 covers, as an ISO date prefix comparable with the data's dates. */
  function endOf(asOf) {
    if (/^\d{4}$/.test(asOf)) return `${asOf}-12-31`;
    if (/^\d{4}-\d{2}$/.test(asOf)) return `${asOf}-31`;
    return asOf;
  }

  const byState = (items) => {
    const states = new Map();
    for (const item of items) states.set(item.state.id, item.state);
    return [...states.values()];
  };

  /**
   * What the loaded data holds for one measure, as of the figure's date: a count, the states it names, and how it was
   * found; null when the data records nothing of the kind (evaluations, relaunches, adhesions).
   */
  function found(figure, { plans, secretariats }) {
    const until = endOf(figure.asOf);
    const published = plans.filter((plan) => plan.publishedOn <= until);
    switch (figure.measure) {
      case 'COHORT_2015':
      case 'COHORT_2016': {
        const year = figure.measure.slice(-4);
        const states = byState(plans.filter((plan) => plan.declarationSignedOn?.startsWith(year)));
        return { count: states.length, states, how: `estados cuya declaración conjunta se firmó en ${year}` };
      }
      case 'PARTICIPATING_STATES': {
        const states = byState([...plans, ...secretariats]);
        return { count: states.length, states, how: 'estados con un ejercicio local (plan o secretariado) en los datos' };
      }
      case 'TECHNICAL_SECRETARIATS': {
        const states = byState(secretariats.filter((secretariat) => secretariat.installedOn <= until));
        return { count: states.length, states, how: `secretariados instalados hasta el ${until}` };
      }
      case 'LOCAL_ACTION_PLANS':
        return { count: published.length, states: byState(published), how: `planes publicados hasta el ${until}` };
      case 'COMMITMENTS':
        return {
          count: published.reduce((sum, plan) => sum + plan.commitments.totalCount, 0),
          states: null,
          how: `compromisos cargados de los planes publicados hasta el ${until}`,
        };
      case 'COMMITMENTS_PER_PLAN': {
        const counts = published.map((plan) => plan.commitments.totalCount);
        const every = counts.length && counts.every((count) => count === counts[0]) ? counts[0] : null;
        return {
          count: every,
          states: null,
          how: published.length
            ? `compromisos cargados por plan: ${published.map((plan) => `${plan.state.name} ${plan.commitments.totalCount}`).join(', ')}`
            : 'no hay planes publicados en los datos',
        };
      }
      case 'NEXT_ACTION_PLANS': {
        const later = plans.filter((plan) => plan.publishedOn > until);
        return { count: later.length, states: byState(later), how: `planes publicados después del ${until}` };
      }
      default:
        return null;
    }
  }

  const names = (states) => (states.length ? states.map((state) => state.name).join(', ') : 'ninguno');

  function sourceLine(sources) {
    const first = sources[0];
    if (!first) return null;
    const rows = sources.map((source) => source.row).filter(Boolean);
    const where = rows.length ? `${first.file}, fila${rows.length > 1 ? 's' : ''} ${rows.join(', ')}` : first.file;
    return h('p', { class: 'source' }, `Fuente: ${first.publisher} — ${first.title} (${where}); licencia ${first.licence}.`);
  }

  function comparison(reported, seen) {
    if (!seen?.states || !reported.length) return null;
    const foundIds = new Set(seen.states.map((state) => state.id));
    const reportedIds = new Set(reported.map((state) => state.id));
    return h(
      'ul',
      { class: 'figure-diff' },
      h('li', { class: 'not-found' }, `Reportados y no encontrados: ${names(reported.filter((state) => !foundIds.has(state.id)))}`),
      h(
        'li',
        { class: 'not-reported' },
        `Encontrados y no reportados: ${names(seen.states.filter((state) => !reportedIds.has(state.id)))}`,
      ),
    );
  }

  /** Reported on the left, found on the right: side by side, so neither reads as the other. */
  function figureBlock(figure, data) {
    const seen = found(figure, data);
    const reportedCount = figure.reportedCount ?? (figure.states.length || null);
    return h(
      'article',
      { class: 'programme-figure', 'data-measure': figure.measure },
      h('h3', {}, LABELS[figure.measure] ?? figure.measure),
      h(
        'div',
        { class: 'reported-side' },
        h(
          'p',
          { class: 'reported' },
          'Reportado: ',
          h('strong', { class: 'reported-count' }, reportedCount ?? 'sin cifra'),
          ` (${figure.asOf}) — «${figure.said}»`,
          figure.states.length ? `. Estados nombrados: ${names(figure.states)}.` : '.',
        ),
        sourceLine(figure.sources),
      ),
      h(
        'div',
        { class: 'found-side' },
        seen
          ? h(
              'p',
              { class: 'found' },
              'Encontrado en los datos cargados: ',
              h('strong', { class: 'found-count' }, seen.count ?? 'varía'),
              ` (${seen.how})`,
              seen.states && !figure.states.length ? `: ${names(seen.states)}.` : '.',
            )
          : h('p', { class: 'found none' }, 'Los datos cargados no registran esto: solo hay lo reportado.'),
        comparison(figure.states, seen),
      ),
    );
  }

  async function render() {
    const data = await load();
    return [
      h('h1', {}, 'El programa: lo reportado y lo encontrado'),
      h(
        'p',
        {},
        'Lo que el programa Gobierno Abierto: Cocreación desde lo Local reportó de sí mismo, con su fecha y su fuente, ',
        'junto a lo que contienen los datos cargados en esta API (planes de acción local, sus compromisos y los secretariados técnicos). ',
        'Las dos cifras se muestran juntas y pueden diferir: ninguna sustituye a la otra.',
      ),
      h(
        'p',
        { class: 'found-basis' },
        `Datos cargados: ${data.plans.length} planes de acción local y ${data.secretariats.length} secretariados técnicos instalados.`,
      ),
      data.errors?.length
        ? h('p', { class: 'warning' }, `Parte de la respuesta no está disponible: ${data.errors.map((error) => error.message).join('; ')}`)
        : null,
      data.figures.map((figure) => figureBlock(figure, data)),
    ];
  }

  return { render };
})();
