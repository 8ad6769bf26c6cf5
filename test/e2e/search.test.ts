import fs from 'node:fs';
import path from 'node:path';
import { startFederation, type TestFederation } from '../helpers/federation';

const SEARCH = `
query Search($text: String!, $first: Int = 10) {
  search(text: $text) {
    text
    commitments(first: $first) { rank score node { id title } }
    actionPlans(first: $first) { rank node { id title } }
    budgetPrograms(first: $first) { rank score node { id name } }
    contracts(first: $first) { rank node { id title } }
    institutions(first: $first) { rank node { id name } }
    states(first: $first) { rank node { id name } }
    series(first: $first) { rank node { code title } }
    records(first: $first) { rank node { id code title access } }
  }
}`;

type Hit = { rank: number; score?: number; node: Record<string, string | null> };
type Results = Record<string, Hit[]> & { text: string };

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

async function search(text: string, first = 10): Promise<Results> {
  const { data, errors } = await api.query(SEARCH, { text, first });
  expect(errors).toBeUndefined();
  return data!.search;
}

const ids = (hits: Hit[]) => hits.map((hit) => hit.node.id ?? hit.node.code);
/** Lower case without accents, to check what a hit says with the same folding the search applies. */
const folded = (text: string | null) => (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** How many of the lists hold at least one hit: each list belongs to one subgraph (or two lists to one). */
const listsWithHits = (results: Results) => Object.keys(results).filter((list) => list !== 'text' && results[list].length > 0);

describe('search across the graph, through the gateway in one request', () => {
  test('FORTAMUN finds the commitment, the 2018 program and the public records that name it', async () => {
    const results = await search('FORTAMUN');
    expect(ids(results.commitments)).toEqual(['MX-TLA-PAL-2016-03']);
    expect(ids(results.budgetPrograms)).toEqual(['2018:33I005']);
    expect(ids(results.records)).toEqual(
      expect.arrayContaining(['MX-GOB-29/03C.20/0003/2018', 'MX-GOB-29/03C.18/0001/2017', 'MX-GOB-29/05C.14/0217/2018']),
    );
    // The RESERVED audit of FORTAMUN 2018 names it only in its hidden title.
    expect(ids(results.records)).not.toContain('MX-GOB-29/10C.06/0004/2022');
    expect(listsWithHits(results)).toEqual(['commitments', 'budgetPrograms', 'records']);
  });

  test('tlaxcala finds the state, its action plan, its institutions and its records', async () => {
    const results = await search('tlaxcala', 50);
    expect(ids(results.states)).toEqual(['29']);
    expect(ids(results.actionPlans)).toEqual(['MX-TLA-PAL-2016']);
    expect(ids(results.institutions)).toEqual(expect.arrayContaining(['MX-GOB-29', 'MX-OG-29']));
    expect(ids(results.records)).toEqual(expect.arrayContaining(['MX-GOB-29/03C.18/0001/2017']));
    for (const hit of results.institutions) expect(folded(hit.node.name)).toContain('tlaxcala');
  });

  test('educacion finds Educación in commitments, programs and institutions, accents and case ignored both ways', async () => {
    const results = await search('educacion', 50);
    expect(ids(results.commitments)).toEqual(expect.arrayContaining(['MX-CAM-PAL-2017-06', 'MX-OAX-PAL-2016-01']));
    expect(ids(results.budgetPrograms)).toEqual(expect.arrayContaining(['2017:11E064', '2018:11E007']));
    expect(ids(results.institutions)).toEqual(expect.arrayContaining(['MX-CPA-11149']));
    for (const hit of results.commitments) expect(folded(hit.node.title)).toContain('educacion');

    for (const spelling of ['EDUCACIÓN', 'Educación', 'eDuCaCiOn'])
      expect(await search(spelling, 50)).toEqual({ ...results, text: spelling });
    // The other way round: accents typed where the data has none still find it.
    expect(ids((await search('TLÁXCÁLÁ')).states)).toEqual(['29']);
  });

  test('each list is ranked: a name that holds the word ranks above a program found only by its ramo', async () => {
    const { budgetPrograms } = await search('educacion', 50);
    expect(budgetPrograms.map((hit) => hit.rank)).toEqual(budgetPrograms.map((_, i) => i + 1));
    const inName = budgetPrograms.map((hit) => folded(hit.node.name).includes('educacion'));
    const firstOnlyInRamo = inName.indexOf(false);
    expect(firstOnlyInRamo).toBeGreaterThan(0);
    expect(inName.lastIndexOf(true)).toBeLessThan(firstOnlyInRamo);
    const scores = budgetPrograms.map((hit) => hit.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(scores[firstOnlyInRamo]);
  });

  test('the last word is also a prefix, the others must all occur', async () => {
    expect(ids((await search('fortam')).budgetPrograms)).toEqual(['2018:33I005']);
    expect(ids((await search('fortamun tlaxcala')).records)).toEqual(
      expect.arrayContaining(['MX-GOB-29/03C.20/0003/2018', 'MX-GOB-29/03C.18/0001/2017']),
    );
    expect(ids((await search('fortamun tlaxcala')).records)).not.toContain('MX-GOB-29/05C.14/0217/2018');
  });

  test('a RESERVED or CONFIDENTIAL record is never found by the words of its hidden title, only by its code', async () => {
    // Words only the hidden titles hold (data/illustrative/records.csv): the audit's "observaciones", the supplier's "bancarios".
    for (const text of ['observaciones auditoria', 'datos bancarios', 'identificacion proveedor']) {
      expect((await search(text)).records).toEqual([]);
    }
    const reserved = await search('10C.06/0004/2022');
    expect(reserved.records.map((hit) => hit.node)).toEqual([
      { id: 'MX-GOB-29/10C.06/0004/2022', code: '10C.06/0004/2022', title: null, access: 'RESERVED' },
    ]);
    const confidential = await search('06C.14/0088/2017');
    expect(confidential.records.map((hit) => hit.node.access)).toEqual(['CONFIDENTIAL']);
  });

  test('any text is words or nothing: operators and quotes never reach the engines', async () => {
    for (const text of [
      '"',
      '*',
      'OR',
      ':',
      '(',
      ')',
      "'",
      '\\',
      '&|!',
      'NEAR(a b)',
      '-educacion',
      'educacion" OR (tlaxcala',
      'a:*',
      '',
      '  ',
    ]) {
      const { data, errors } = await api.query(SEARCH, { text });
      expect({ text, errors }).toEqual({ text, errors: undefined });
      expect(data!.search.text).toBe(text);
    }
    expect(ids((await search('"FORTAMUN"')).budgetPrograms)).toEqual(['2018:33I005']);
    expect(ids((await search('(fortamun) OR:')).records)).toEqual([]);
  });

  test('too long a text or too many hits is a BAD_USER_INPUT, never an internal error', async () => {
    for (const variables of [{ text: 'a'.repeat(1000) }, { text: 'educacion', first: 51 }, { text: 'educacion', first: -1 }]) {
      const { status, errors } = await api.query(SEARCH, variables);
      expect(status).toBe(200);
      expect(errors!.length).toBeGreaterThan(0);
      expect(errors!.map((error) => error.extensions?.code)).toEqual(errors!.map(() => 'BAD_USER_INPUT'));
    }
  });
  test('a text one character too long is one error, not one per subgraph that answers part of the search', async () => {
    const { status, errors } = await api.query(SEARCH, { text: 'a'.repeat(201) });
    expect(status).toBe(200);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(/at most 200 characters \(got 201\)/);
    expect((await api.query(SEARCH, { text: 'a'.repeat(200) })).errors).toBeUndefined();
  });

  test('full-width letters and digits (NFKC compatibility forms) find what ASCII finds', async () => {
    expect(ids((await search('ｆｏｒｔａｍｕｎ')).budgetPrograms)).toEqual(['2018:33I005']);
    expect(await search('ＦＯＲＴＡＭＵＮ')).toEqual({ ...(await search('FORTAMUN')), text: 'ＦＯＲＴＡＭＵＮ' });
    // The full-width digits and letter of a program key.
    expect(ids((await search('33Ｉ００５')).budgetPrograms)).toEqual(['2018:33I005']);
  });

  test("docs/questions.md's example search answers without errors, from every subgraph", async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../docs/questions.md'), 'utf8');
    const example = /```graphql\n(query Search[\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    const { data, errors } = await api.query(example![1]);
    expect(errors).toBeUndefined();
    expect(data!.search.commitments[0].node.id).toBe('MX-TLA-PAL-2016-03');
    expect(data!.search.budgetPrograms.map((hit: Hit) => hit.node.id)).toEqual(['2018:33I005']);
  });
});
