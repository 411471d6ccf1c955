/**
 * @jest-environment jsdom
 */
import vm from 'node:vm';
import React, { type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { act } from 'react-dom/test-utils';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { bundleWithSharedDeps } from '../../test/build/scripts_lib';

/** Runs a bundle against a `__kbnSharedDeps__` and returns the fixture's exports. */
function load<T>(code: string, sharedDeps: object): T {
  const context: { __kbnSharedDeps__: object; fixture?: T } = { __kbnSharedDeps__: sharedDeps };
  vm.runInNewContext(code, context);
  return context.fixture!;
}

/**
 * Creates an element and renders it with React DOM's client, collecting console errors: React
 * checks keys when an element is created (its own jsx) or rendered (createElement's children).
 */
function render(create: () => ReactElement) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const container = document.createElement('div');
    const root = createRoot(container);
    const element = create();
    act(() => root.render(element));
    const html = container.innerHTML;
    act(() => root.unmount());
    return { html, errors: errors.mock.calls.map((args) => String(args[0])) };
  } finally {
    errors.mockRestore();
  }
}

const KEY_WARNING = 'Each child in a list should have a unique "key" prop';

describe('the react/jsx-runtime the bundle takes from the shared React', () => {
  const FIXTURE = `
    export const staticChildren = () => <ul><li>one</li><li>two</li><>three</></ul>;
    export const keyedStatic = () => <ol key="k" id="list"><li>a</li><li>b</li></ol>;
    export const dynamicList = () => <ul>{['x', 'y'].map((item) => <li>{item}</li>)}</ul>;
  `;
  // The same elements from React's own runtime, called as the JSX transform calls it: the oracle.
  const reactOwn = {
    staticChildren: () =>
      jsxs('ul', {
        children: [
          jsx('li', { children: 'one' }),
          jsx('li', { children: 'two' }),
          jsx(Fragment, { children: 'three' }),
        ],
      }),
    keyedStatic: () =>
      jsxs(
        'ol',
        { id: 'list', children: [jsx('li', { children: 'a' }), jsx('li', { children: 'b' })] },
        'k'
      ),
    dynamicList: () =>
      jsx('ul', { children: ['x', 'y'].map((item) => jsx('li', { children: item })) }),
  };
  let shim: typeof reactOwn;

  beforeAll(() => {
    const { code, used } = bundleWithSharedDeps(FIXTURE);
    expect(used).toEqual(['react']);
    shim = load<typeof reactOwn>(code, { React });
  });

  it('renders static children like React’s jsxs, without asking for keys', () => {
    const rendered = render(shim.staticChildren);
    expect(rendered).toEqual(render(reactOwn.staticChildren));
    expect(rendered).toEqual({ html: '<ul><li>one</li><li>two</li>three</ul>', errors: [] });
  });

  it('keeps the key and the props of an element with static children', () => {
    expect(shim.keyedStatic().key).toBe('k');
    expect(shim.keyedStatic().props).toEqual(reactOwn.keyedStatic().props);
    expect(render(shim.keyedStatic)).toEqual({
      html: '<ol id="list"><li>a</li><li>b</li></ol>',
      errors: [],
    });
  });

  it('still has React ask for keys in a list built at run time, as React’s own runtime does', () => {
    const rendered = render(shim.dynamicList);
    expect(rendered.html).toBe('<ul><li>x</li><li>y</li></ul>');
    expect(rendered.errors).toEqual([expect.stringContaining(KEY_WARNING)]);
    expect(render(reactOwn.dynamicList).errors).toEqual([expect.stringContaining(KEY_WARNING)]);
  });
});

describe('imports of libraries Kibana shares', () => {
  const bundle = (source: string) => bundleWithSharedDeps(source);

  it('takes the names every Kibana version read shares from __kbnSharedDeps__', () => {
    const { code, used } = bundle(`
      import moment from 'moment';
      import { EuiButton } from '@elastic/eui';
      import * as t from 'io-ts';
      export const parts = [moment, EuiButton, t.string];`);
    expect(used).toEqual(['@elastic/eui', 'io-ts', 'moment']);
    const moment = () => 'moment';
    const sharedDeps = {
      Moment: moment,
      ElasticEui: { EuiButton: 'button' },
      IoTs: { string: 's' },
    };
    expect(load<{ parts: unknown[] }>(code, sharedDeps).parts).toEqual([moment, 'button', 's']);
  });

  it('fails at load time, naming the global, when this Kibana lacks one', () => {
    const { code } = bundle(`import moment from 'moment'; export const parts = [moment];`);
    expect(() => load(code, {})).toThrow(
      'This Kibana has no __kbnSharedDeps__.Moment (imported as "moment"); the plugin was built for another Kibana version.'
    );
  });

  it.each([
    'fp-ts/Either',
    'fp-ts/lib/Option',
    'react-use/lib/useAsync',
    'io-ts/lib/PathReporter',
    '@tanstack/react-query',
    '@kbn/react-kibana-mount',
    '@kbn/react-query',
  ])('refuses %s, shared by some Kibana versions only', (specifier) => {
    expect(() => bundle(`import * as x from '${specifier}'; export const parts = [x];`)).toThrow(
      `"${specifier}" (imported by <stdin>) is in __kbnSharedDeps__ in some Kibana versions only`
    );
  });

  it('refuses a deep import of a shared package, offering the shared names', () => {
    expect(() =>
      bundle(`import { createRoot } from 'react-dom/client'; export const parts = [createRoot];`)
    ).toThrow(
      '"react-dom/client" (imported by <stdin>) is not in Kibana\'s __kbnSharedDeps__, and bundling ' +
        'it would load a second copy of a library Kibana provides. Import one of: react-dom, react-dom/server.'
    );
  });

  it('bundles a package Kibana never shares', () => {
    const { code, used } = bundle(`import { parse } from 'tldts'; export const parts = [parse];`);
    expect(used).toEqual([]);
    expect(code).not.toContain('__kbnSharedDeps__');
    const { parts } = load<{ parts: [(url: string) => { domain: string }] }>(code, {});
    expect(parts[0]('https://mail.contoso.co.uk/x').domain).toBe('contoso.co.uk');
  });
});
