// The libraries Kibana's page already holds, as `window.__kbnSharedDeps__.<Name>`. Kibana's optimizer
// maps these imports to the globals (webpack `externals`); a plugin that bundled its own copy would
// run a second React or EUI next to Kibana's and break hooks, context and theming.
//
// Source: elastic/kibana `src/platform/packages/private/kbn-ui-shared-deps-src/src/definitions.js`,
// the newest snapshot readable (it names `@kbn/react-query`, `@kbn/react-kibana-context-env` and
// `@kbn/core-chrome-sidebar-context`); the entries an older snapshot had and this one dropped
// (`@tanstack/react-query`) are kept, so that an import of them also fails to bundle.

const SHARED = '__kbnSharedDeps__';

const REACT_USE_HOOKS = [
  'useAsync',
  'useAsyncFn',
  'useDebounce',
  'useDeepCompareEffect',
  'useEffectOnce',
  'useEvent',
  'useLatest',
  'useList',
  'useLocalStorage',
  'useMount',
  'useMountedState',
  'usePrevious',
  'useSessionStorage',
  'useTimeoutFn',
  'useToggle',
  'useUnmount',
  'useUpdateEffect',
  'useObservable',
];

/** Import specifier → property path under `__kbnSharedDeps__`. */
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
  'react-use': 'ReactUse',
  'styled-components': 'StyledComponents',
  '@kbn/monaco': 'KbnMonaco',
  'monaco-editor/esm/vs/editor/editor.api': 'MonacoBarePluginApi',
  'fp-ts/Option': 'FpTs.option',
  'fp-ts/pipeable': 'FpTs.pipeable',
  'fp-ts/TaskEither': 'FpTs.taskEither',
  'fp-ts/Either': 'FpTs.either',
  'fp-ts/function': 'FpTs.function',
  'fp-ts/Task': 'FpTs.task',
  'fp-ts/Set': 'FpTs.set',
  'fp-ts/Ord': 'FpTs.ord',
  'fp-ts/Array': 'FpTs.array',
  'io-ts': 'IoTs',
  'io-ts/lib/Reporter': 'IoTsReporter',
  'io-ts/lib/PathReporter': 'IoTsPathReporter',
  'io-ts/lib/ThrowReporter': 'IoTsThrowReporter',
  '@reduxjs/toolkit': 'ReduxjsToolkit',
  'react-redux': 'ReactRedux',
  redux: 'Redux',
  immer: 'Immer',
  reselect: 'Reselect',
  'fastest-levenshtein': 'FastestLevenshtein',
  'chroma-js': 'ChromaJs',
  ...Object.fromEntries(
    REACT_USE_HOOKS.map((hook) => [`react-use/lib/${hook}`, `ReactUse.${hook}`])
  ),
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
  '@kbn/react-query': 'ReactQuery',
  '@tanstack/react-query': 'ReactQuery',
  '@tanstack/react-query-devtools': 'ReactQueryDevtools',
  '@kbn/code-editor': 'KbnCodeEditor',
  '@kbn/esql-language': 'KbnEsqlAst',
  '@kbn/ebt-tools': 'KbnEbtTools',
  '@elastic/apm-rum-core': 'ElasticApmRumCore',
  '@kbn/react-kibana-context-common': 'KbnReactKibanaContextCommon',
  '@kbn/react-kibana-context-root': 'KbnReactKibanaContextRoot',
  '@kbn/react-kibana-context-render': 'KbnReactKibanaContextRender',
  '@kbn/react-kibana-context-theme': 'KbnReactKibanaContextTheme',
  '@kbn/react-kibana-context-env': 'KbnReactKibanaContextEnv',
  '@kbn/shared-ux-router': 'KbnSharedUxRouter',
  '@kbn/react-kibana-mount': 'KbnReactKibanaMount',
  '@kbn/visualizations-common': 'KbnVisualizationsCommon',
  '@kbn/core-chrome-sidebar-context': 'KbnCoreSidebarContext',
};

/**
 * TypeScript's `jsx: react-jsx` imports `react/jsx-runtime`, which Kibana's map lacks (its DLL
 * serves it to in-repo plugins). Building elements with the shared React's `createElement` keeps
 * one React on the page without depending on React's internals.
 */
const JSX_RUNTIME = `var React = ${SHARED}.React;
function jsx(type, props, key) {
  return React.createElement(type, key === undefined ? props : Object.assign({}, props, { key: key }));
}
module.exports = { jsx: jsx, jsxs: jsx, Fragment: React.Fragment };`;

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const SHARED_PACKAGES = new Set(Object.keys(KIBANA_SHARED_DEPS).map(packageName));

/**
 * esbuild plugin: shared imports become `module.exports = __kbnSharedDeps__.X`; a deep import of a
 * shared package that Kibana does not expose (`react-dom/client`, `fp-ts/lib/Either`, …) and any
 * other runtime `@kbn/*` import fail the build instead of silently bundling a second copy.
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
        contents:
          args.path === 'react/jsx-runtime'
            ? JSX_RUNTIME
            : `module.exports = ${SHARED}.${KIBANA_SHARED_DEPS[args.path]};`,
        loader: 'js',
      }));
    },
  };
}
