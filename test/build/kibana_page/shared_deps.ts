/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * `window.__kbnSharedDeps__` as Kibana 9.5's kbn-ui-shared-deps-src entry builds it
 * (src/platform/packages/private/kbn-ui-shared-deps-src/src/entry.js): the same global names,
 * each the library's CommonJS exports (`require`, as webpack gives them), from this repository's
 * node_modules. Only the libraries installed here; the plugin bundle must need no others.
 */
export const sharedDeps = {
  EmotionCache: require('@emotion/cache'),
  EmotionReact: require('@emotion/react'),
  Moment: require('moment'),
  MomentTimezone: require('moment-timezone'),
  FpTs: require('fp-ts'),
  IoTs: require('io-ts'),
  IoTsReporter: require('io-ts/lib/Reporter'),
  IoTsPathReporter: require('io-ts/lib/PathReporter'),
  IoTsThrowReporter: require('io-ts/lib/ThrowReporter'),
  React: require('react'),
  ReactDom: require('react-dom'),
  ReactDomServer: require('react-dom/server'),
  ReactRouter: require('react-router'),
  ReactRouterDom: require('react-router-dom'),
  Rxjs: require('rxjs'),
  ElasticCharts: require('@elastic/charts'),
  ElasticEui: require('@elastic/eui'),
  ElasticEuiThemeBorealis: require('@elastic/eui-theme-borealis'),
  Lodash: require('lodash'),
  TsLib: require('tslib'),
  Uuid: require('uuid'),
  History: require('history'),
  Classnames: require('classnames'),
};

declare global {
  interface Window {
    __kbnSharedDeps__: typeof sharedDeps;
  }
}

window.__kbnSharedDeps__ = sharedDeps;
