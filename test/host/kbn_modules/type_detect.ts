/**
 * What npm's type-detect answers, the name config-schema and Kibana's response adapter print for a
 * value: `typeof` for primitives and functions, the object's own tag (`Object`, `Array`, `Set`)
 * otherwise.
 */
export function typeDetect(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}
