// The libraries Kibana's page already holds, as `window.__kbnSharedDeps__.<Name>`. Kibana's optimizer
// maps these imports to the globals (webpack `externals`); a plugin that bundled its own copy would
// run a second React or EUI next to Kibana's and break hooks, context and theming.
//
// The map is the intersection of every version of Kibana's externals map read (elastic/kibana):
//   A. src/platform/packages/private/kbn-ui-shared-deps-src/src/definitions.js @ 30c537ac
//      (no fp-ts, react-use, io-ts/lib/*, chroma-js, @kbn/react-kibana-mount; has fflate);
//   B. the same file @ 0703cc83 (adds fp-ts/*, react-use, io-ts/lib/*, chroma-js, mount);
//   C. the same file, newest indexed (find_string id 2520744640: @tanstack/react-query became
//      @kbn/react-query, @kbn/esql-ast became @kbn/esql-language, adds context-env and others);
//   D. the rspack optimizer's getExternals() (find_string id 54926599912), same as C plus the
//      @emotion/react jsx runtimes.
// A name only some of them have may be `undefined` on the Kibana the zip is installed in, so it is
// in UNPROVEN_* below and importing it fails the build.
// UNCONFIRMED: which of A–D matches 9.5.3. Only `Object.keys(window.__kbnSharedDeps__)` on a real
// 9.5.3 page settles it (kibana_fidelity_audit.md, open point 1); until then the loader below also
// throws a named error if a global is missing, rather than handing the code `undefined`.

const SHARED = '__kbnSharedDeps__';

/** Import specifier → global name under `__kbnSharedDeps__`, in all of A–D. */
export const KIBANA_SHARED_DEPS = {
  '@kbn/ui-theme': 'KbnUiTheme',
  '@kbn/i18n': 'KbnI18n',
  '@kbn/i18n-react': 'KbnI18nReact',
  '@emotion/cache': 'EmotionCache',
  '@emotion/react': 'EmotionReact',
  jquery: 'Jquery',
  moment: 'Moment',
  'moment-timezone': 'MomentTimezone',
  react: 'React',
  'react-dom': 'ReactDom',
  'react-dom/server': 'ReactDomServer',
  'react-router': 'ReactRouter',
  'react-router-dom': 'ReactRouterDom',
  'react-router-dom-v5-compat': 'ReactRouterDomV5Compat',
  'styled-components': 'StyledComponents',
  '@kbn/monaco': 'KbnMonaco',
  'monaco-editor/esm/vs/editor/editor.api': 'MonacoBarePluginApi',
  'io-ts': 'IoTs',
  '@reduxjs/toolkit': 'ReduxjsToolkit',
  'react-redux': 'ReactRedux',
  redux: 'Redux',
  immer: 'Immer',
  reselect: 'Reselect',
  'fastest-levenshtein': 'FastestLevenshtein',
  rxjs: 'Rxjs',
  numeral: 'ElasticNumeral',
  '@elastic/numeral': 'ElasticNumeral',
  '@elastic/charts': 'ElasticCharts',
  '@kbn/datemath': 'KbnDatemath',
  '@elastic/eui': 'ElasticEui',
  '@elastic/eui/lib/components/provider/nested': 'ElasticEuiLibComponentsUseIsNestedEuiProvider',
  '@elastic/eui/lib/services/theme/warning': 'ElasticEuiLibServicesThemeWarning',
  '@elastic/eui-theme-borealis': 'ElasticEuiThemeBorealis',
  '@hello-pangea/dnd': 'HelloPangeaDnd',
  lodash: 'Lodash',
  'lodash/fp': 'LodashFp',
  tslib: 'TsLib',
  uuid: 'Uuid',
  '@kbn/analytics': 'KbnAnalytics',
  '@kbn/crypto-browser': 'KbnCryptoBrowser',
  '@kbn/es-query': 'KbnEsQuery',
  '@kbn/search-errors': 'KbnSearchErrors',
  '@kbn/std': 'KbnStd',
  '@kbn/safer-lodash-set': 'SaferLodashSet',
  '@kbn/shared-ux-error-boundary': 'KbnSharedUxErrorBoundary',
  '@kbn/rison': 'KbnRison',
  history: 'History',
  classnames: 'Classnames',
  '@tanstack/react-query-devtools': 'ReactQueryDevtools',
  '@kbn/code-editor': 'KbnCodeEditor',
  '@kbn/ebt-tools': 'KbnEbtTools',
  '@elastic/apm-rum-core': 'ElasticApmRumCore',
  '@kbn/react-kibana-context-common': 'KbnReactKibanaContextCommon',
  '@kbn/react-kibana-context-root': 'KbnReactKibanaContextRoot',
  '@kbn/react-kibana-context-render': 'KbnReactKibanaContextRender',
  '@kbn/react-kibana-context-theme': 'KbnReactKibanaContextTheme',
  '@kbn/shared-ux-router': 'KbnSharedUxRouter',
};

/**
 * Shared in some of A–D only. Taking one from Kibana may read `undefined` on 9.5.3; bundling it may
 * run a second copy of a library a 9.5.3 page shares. Whole packages (every import of them) and
 * single specifiers.
 */
const UNPROVEN_PACKAGES = ['fp-ts', 'react-use', 'chroma-js', 'fflate', '@tanstack/react-query'];
const UNPROVEN_SPECIFIERS = [
  'io-ts/lib/Reporter',
  'io-ts/lib/PathReporter',
  'io-ts/lib/ThrowReporter',
  '@emotion/react/jsx-runtime',
  '@emotion/react/jsx-dev-runtime',
  '@kbn/react-query',
  '@kbn/esql-ast',
  '@kbn/esql-language',
  '@kbn/react-kibana-mount',
  '@kbn/react-kibana-context-env',
  '@kbn/visualizations-common',
  '@kbn/core-chrome-sidebar-context',
];

/**
 * TypeScript's `jsx: react-jsx` imports `react/jsx-runtime`, which Kibana's map lacks (its DLL
 * serves it to in-repo plugins). Building elements with the shared React's `createElement` keeps
 * one React on the page without depending on React's internals. `jsxs` gets the children of
 * `<a><b/><c/></a>`, a list fixed in the source: passed as separate arguments, as React's own
 * jsxs treats them, so React does not ask for keys as it does for an array of children.
 */
const JSX_RUNTIME = `var React = ${SHARED}.React;
function withKey(props, key) {
  return key === undefined ? props : Object.assign({}, props, { key: key });
}
function jsx(type, props, key) {
  return React.createElement(type, withKey(props, key));
}
function jsxs(type, props, key) {
  var rest = {};
  for (var name in props) {
    if (name !== 'children' && Object.prototype.hasOwnProperty.call(props, name)) rest[name] = props[name];
  }
  return React.createElement.apply(null, [type, withKey(rest, key)].concat(props.children));
}
module.exports = { jsx: jsx, jsxs: jsxs, Fragment: React.Fragment };`;

/** A shared import; a global missing on this Kibana fails here, by name, not later as `undefined`. */
function sharedModule(specifier) {
  const globalName = `${SHARED}.${KIBANA_SHARED_DEPS[specifier]}`;
  const missing = `This Kibana has no ${globalName} (imported as "${specifier}"); the plugin was built for another Kibana version.`;
  return `var dep = ${globalName};
if (dep === undefined) throw new Error(${JSON.stringify(missing)});
module.exports = dep;`;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const SHARED_PACKAGES = new Set(Object.keys(KIBANA_SHARED_DEPS).map(packageName));

function unprovenError(specifier, importer) {
  return (
    `"${specifier}" (imported by ${importer}) is in __kbnSharedDeps__ in some Kibana versions only ` +
    '(scripts/lib/shared_deps.mjs): taken from Kibana it may be undefined on the target version, ' +
    'bundled it may be a second copy of a library Kibana shares. Check ' +
    '`Object.keys(__kbnSharedDeps__)` on a page of the target Kibana and add it to ' +
    'KIBANA_SHARED_DEPS, or do without it.'
  );
}

/**
 * esbuild plugin: shared imports become `module.exports = __kbnSharedDeps__.X`. These fail the
 * build instead of silently bundling a second copy or reading a missing global: a name shared by
 * some Kibana versions only (UNPROVEN_*), a deep import of a shared package that Kibana does not
 * expose (`react-dom/client`), and any other runtime `@kbn/*` import. Any other package is bundled.
 * `used` collects the specifiers the bundle takes from Kibana.
 */
export function kibanaSharedDepsPlugin(used = new Set()) {
  return {
    name: 'kibana-shared-deps',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const { path: specifier } = args;
        if (specifier === 'react/jsx-runtime' || specifier === 'react/jsx-dev-runtime') {
          used.add('react');
          return { path: 'react/jsx-runtime', namespace: 'kibana-shared-deps' };
        }
        if (Object.hasOwn(KIBANA_SHARED_DEPS, specifier)) {
          used.add(specifier);
          return { path: specifier, namespace: 'kibana-shared-deps' };
        }
        const name = packageName(specifier);
        if (UNPROVEN_PACKAGES.includes(name) || UNPROVEN_SPECIFIERS.includes(specifier)) {
          return { errors: [{ text: unprovenError(specifier, args.importer) }] };
        }
        if (SHARED_PACKAGES.has(name) || name.startsWith('@kbn/')) {
          const offered = Object.keys(KIBANA_SHARED_DEPS).filter(
            (key) => packageName(key) === name
          );
          return {
            errors: [
              {
                text:
                  `"${specifier}" (imported by ${args.importer}) is not in Kibana's __kbnSharedDeps__, ` +
                  `and bundling it would load a second copy of a library Kibana provides. ` +
                  (offered.length ? `Import one of: ${offered.join(', ')}.` : 'Use `import type`.'),
              },
            ],
          };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'kibana-shared-deps' }, (args) => ({
        contents: args.path === 'react/jsx-runtime' ? JSX_RUNTIME : sharedModule(args.path),
        loader: 'js',
      }));
    },
  };
}
