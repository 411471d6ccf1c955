import { createTypeRegistry } from './triggers_actions_ui_service';

// Expected texts: kbn-alerts-ui-shared/src/common/type_registry.ts @ d5471f131b.
describe('the host’s triggersActionsUi type registry (Kibana TypeRegistry)', () => {
  it('registers, finds and lists a type', () => {
    const registry = createTypeRegistry<{ id: string; name: string }>();
    registry.register({ id: 'a', name: 'first' });
    expect(registry.has('a')).toBe(true);
    expect(registry.has('b')).toBe(false);
    expect(registry.get('a')).toEqual({ id: 'a', name: 'first' });
    expect(registry.list()).toEqual([{ id: 'a', name: 'first' }]);
  });

  it('refuses a duplicate id and keeps the first', () => {
    const registry = createTypeRegistry<{ id: string; name: string }>();
    registry.register({ id: 'a', name: 'first' });
    expect(() => registry.register({ id: 'a', name: 'second' })).toThrow(
      new Error('Object type "a" is already registered.')
    );
    expect(registry.get('a').name).toBe('first');
  });

  it('throws for an unknown id', () => {
    expect(() => createTypeRegistry().get('missing')).toThrow(
      new Error('Object type "missing" is not registered.')
    );
  });
});
