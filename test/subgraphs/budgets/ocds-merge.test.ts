import { compileReleases, type SourcedRelease } from '../../../subgraphs/budgets/importers/ocds/merge';

const at = (file: string, release: Record<string, unknown>, path = '$'): SourcedRelease => ({ file, path, release });

describe('OCDS merging of the releases of one process', () => {
  test('releases merge in date order, whatever order they are given in; later values replace earlier ones', () => {
    const compiled = compileReleases([
      at('b.json', { ocid: 'ocds-x', date: '2017-03-01T00:00:00Z', tender: { status: 'complete' } }),
      at('a.json', { ocid: 'ocds-x', date: '2017-01-01T00:00:00-06:00', tender: { status: 'active', title: 'Papel' } }),
    ]);
    expect(compiled.release).toEqual({ ocid: 'ocds-x', date: '2017-03-01T00:00:00Z', tender: { status: 'complete', title: 'Papel' } });
    const tender = compiled.release.tender as object;
    expect(compiled.whereField(tender, 'status')).toEqual({ file: 'b.json', path: '$.tender.status' });
    expect(compiled.whereField(tender, 'title')).toEqual({ file: 'a.json', path: '$.tender.title' });
  });

  test('releases of the same date keep the order given; a release without a date comes first', () => {
    const compiled = compileReleases([
      at('one.json', { ocid: 'x', date: '2018-01-18T04:39:56Z', title: 'one' }),
      at('two.json', { ocid: 'x', date: '2018-01-18T04:39:56Z', title: 'two' }),
      at('undated.json', { ocid: 'x', title: 'undated' }),
    ]);
    expect(compiled.release.title).toBe('two');
  });

  test('arrays of objects with an id merge by id; new ids are appended; each object knows its release', () => {
    const compiled = compileReleases([
      at(
        'contract.json',
        {
          ocid: 'x',
          date: '2017-01-01',
          contracts: [
            { id: 'c1', value: { amount: 100, currency: 'MXN' } },
            { id: 'c2', title: 'B' },
          ],
        },
        '$.releases[0]',
      ),
      at(
        'implementation.json',
        {
          ocid: 'x',
          date: '2017-02-01',
          contracts: [{ id: 'c1', implementation: { transactions: [{ id: 'CLC1', amount: { amount: 40 } }] } }],
        },
        '$.releases[0]',
      ),
      at('amendment.json', { ocid: 'x', date: '2017-03-01', contracts: [{ id: 'c3' }, { id: 'c1', value: { amount: 150 } }] }),
    ]);
    const contracts = compiled.release.contracts as Record<string, any>[];
    expect(contracts.map((contract) => contract.id)).toEqual(['c1', 'c2', 'c3']);
    expect(contracts[0]).toEqual({
      id: 'c1',
      value: { amount: 150, currency: 'MXN' },
      implementation: { transactions: [{ id: 'CLC1', amount: { amount: 40 } }] },
    });
    expect(compiled.whereField(contracts[0].value, 'amount')).toEqual({ file: 'amendment.json', path: '$.contracts[1].value.amount' });
    expect(compiled.whereField(contracts[0].value, 'currency')).toEqual({
      file: 'contract.json',
      path: '$.releases[0].contracts[0].value.currency',
    });
    expect(compiled.where(contracts[0].implementation.transactions[0])).toEqual({
      file: 'implementation.json',
      path: '$.releases[0].contracts[0].implementation.transactions[0]',
    });
    expect(compiled.where(contracts[1])).toEqual({ file: 'contract.json', path: '$.releases[0].contracts[1]' });
  });

  test('ids compare by type and value: 1 and "1" are two objects', () => {
    const compiled = compileReleases([
      at('a.json', { ocid: 'x', date: '2017-01-01', awards: [{ id: 1 }] }),
      at('b.json', { ocid: 'x', date: '2017-02-01', awards: [{ id: '1' }] }),
    ]);
    expect(compiled.release.awards).toEqual([{ id: 1 }, { id: '1' }]);
  });

  test('other arrays (strings, objects without ids) are replaced whole', () => {
    const compiled = compileReleases([
      at('a.json', { ocid: 'x', date: '2017-01-01', tag: ['tender'], items: [{ description: 'A' }, { description: 'B' }] }),
      at('b.json', { ocid: 'x', date: '2017-02-01', tag: ['award'], items: [{ description: 'C' }] }),
    ]);
    expect(compiled.release.tag).toEqual(['award']);
    expect(compiled.release.items).toEqual([{ description: 'C' }]);
    expect(compiled.where((compiled.release.items as object[])[0])).toEqual({ file: 'b.json', path: '$.items[0]' });
  });

  test('a field set to null in a later release is removed', () => {
    const compiled = compileReleases([
      at('a.json', { ocid: 'x', date: '2017-01-01', planning: { budget: { amount: { amount: 5, currency: 'MXN' } } } }),
      at('b.json', { ocid: 'x', date: '2017-02-01', planning: { budget: { amount: { currency: null } } } }),
    ]);
    expect(compiled.release.planning).toEqual({ budget: { amount: { amount: 5 } } });
  });

  test('an id twice in one array of one release is reported with both paths', () => {
    const compiled = compileReleases([
      at('a.json', {
        ocid: 'x',
        contracts: [
          { id: 'c1', title: 'A' },
          { id: 'c1', title: 'B' },
        ],
      }),
    ]);
    expect(compiled.repeatedIds).toEqual([{ file: 'a.json', path: '$.contracts[1]', id: 'c1', first: '$.contracts[0]' }]);
  });
});
