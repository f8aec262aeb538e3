import type { KeyValueStore } from '../../../src/core/ports';
import { ExecutionStore } from '../../../src/core/migration/store';

function counting(initial: Record<string, string>) {
  const data = { ...initial };
  const calls: string[] = [];
  const store: KeyValueStore = {
    getAll: () => (calls.push('getAll'), { ...data }),
    get: (key) => (calls.push('get'), data[key] ?? null),
    setMany: (values) => (calls.push('setMany'), Object.assign(data, values), undefined),
    delete: (key) => (calls.push('delete'), delete data[key], undefined),
    replaceAll: (values) => {
      calls.push('replaceAll');
      for (const key of Object.keys(data)) delete data[key];
      Object.assign(data, values);
    },
  };
  return { store, data, calls };
}

describe('ExecutionStore', () => {
  it('reads the store once and answers later reads from memory', () => {
    const { store, calls } = counting({ a: '1' });
    const memo = new ExecutionStore(store);
    expect(memo.get('a')).toBe('1');
    expect(memo.getAll()).toEqual({ a: '1' });
    expect(calls).toEqual(['getAll']);
  });

  it('stores held writes and deletes in one call', () => {
    const { store, data, calls } = counting({ a: '1', 'migration.run': 'x' });
    const memo = new ExecutionStore(store);
    memo.batch(() => {
      memo.setMany({ b: '2' });
      memo.delete('migration.run');
    });
    expect(data).toEqual({ a: '1', b: '2' });
    expect(calls).toEqual(['getAll', 'replaceAll']);
  });
});
