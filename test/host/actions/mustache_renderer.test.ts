import { renderMustacheObject, renderMustacheString } from './mustache_renderer';

// Expectations from Kibana's x-pack/platform/plugins/shared/actions/server/lib/mustache_renderer.test.ts
describe('rendering action parameters as Kibana does', () => {
  const variables = {
    context: { reasons: ['spray', 'new network'], sender: 'a"b@example.test' },
    'kibana.alert.reason': 'a reason',
  };

  it('renders objects as JSON, arrays through asJSON, and dotted keys as paths', () => {
    expect(renderMustacheString('{{context}}', variables, 'none')).toBe(
      JSON.stringify(variables.context)
    );
    expect(renderMustacheString('{{context.reasons.asJSON}}', variables, 'none')).toBe(
      '["spray","new network"]'
    );
    expect(renderMustacheString('{{kibana.alert.reason}}', variables, 'none')).toBe('a reason');
  });

  it('escapes for JSON when asked, and leaves a missing variable empty', () => {
    expect(renderMustacheString('"{{context.sender}}"', variables, 'json')).toBe(
      '"a\\"b@example.test"'
    );
    expect(renderMustacheObject({ message: '[{{missing}}]' }, variables)).toEqual({
      message: '[]',
    });
  });

  it('answers a broken template with the error text instead of throwing', () => {
    expect(renderMustacheObject({ message: '{{#open}}' }, variables).message).toMatch(
      /^error rendering mustache template "\{\{#open\}\}": Unclosed section "open"/
    );
  });
});
