/** Features as plugins hand them to registration, built up from the smallest valid one. */

export const privilege = (extra: object = {}) => ({
  savedObject: { all: [], read: [] },
  ui: [],
  ...extra,
});

export function testFeature(extra: object = {}) {
  return {
    id: 'test-feature',
    name: 'Test Feature',
    app: [],
    category: { id: 'foo', label: 'foo' },
    privileges: { all: privilege(), read: privilege() },
    ...extra,
  };
}
