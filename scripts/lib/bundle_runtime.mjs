// The loader that turns esbuild's split output into what Kibana's page expects from a plugin
// bundle, the same contract @kbn/optimizer's webpack output meets:
//  1. the entry file is a classic script (Kibana adds it with a <script> tag, not as a module);
//  2. it reads its public path from `window.__kbnPublicPath__[<id>]` before anything loads, so
//     lazy chunks come from wherever Kibana serves the bundle (base path, CDN);
//  3. it registers `__kbnBundles__.define('plugin/<id>/public', require, <entry module>)`, and
//     `__kbnBundles__.get(...)` returns the entry's exports, `plugin` among them;
//  4. lazy chunks are `<id>.chunk.<n>.js` scripts that push their modules onto
//     `self[<id>_bundle_jsonpfunction]`, like webpack's jsonp chunks.
// Every esbuild output file is one module here: its ESM imports were turned into `require` calls
// and its dynamic `import()`s into `__kbnImport__` calls, so modules are shared, never copied.

/** Registers the modules of a chunk file; `modules` is source text of `[[id, factory], ...]`. */
export function chunkSource(pluginId, modules) {
  const queue = `self[${JSON.stringify(`${pluginId}_bundle_jsonpfunction`)}]`;
  return `"use strict";(${queue}=${queue}||[]).push(${modules});\n`;
}

/** A module factory in the form the runtime calls. */
export function moduleFactory(id, cjsCode) {
  return `[${JSON.stringify(id)},function(module,exports,require,__kbnImport__){${cjsCode}}]`;
}

/**
 * The entry file: the runtime, then the modules the entry needs at start-up, then the define.
 * `lazyFiles` maps a dynamically imported module id to every chunk file it needs.
 */
export function entrySource({ pluginId, entryModuleId, modules, lazyFiles }) {
  const runtime = function runtime(pluginId, lazyFiles) {
    var publicPath = (window.__kbnPublicPath__ || {})[pluginId];
    if (typeof publicPath !== 'string') {
      throw new Error('window.__kbnPublicPath__["' + pluginId + '"] is not set');
    }
    var factories = Object.create(null);
    var cache = Object.create(null);
    var files = Object.create(null);

    function register(entry) {
      for (var i = 0; i < entry.length; i++) factories[entry[i][0]] = entry[i][1];
    }

    function requireModule(id) {
      var key = String(id).replace(/^\.\//, '');
      if (cache[key]) return cache[key].exports;
      var factory = factories[key];
      if (!factory) throw new Error(pluginId + ': module ' + key + ' is not loaded');
      var module = (cache[key] = { exports: {} });
      factory.call(module.exports, module, module.exports, requireModule, importModule);
      return module.exports;
    }

    function loadFile(file) {
      if (!files[file]) {
        files[file] = new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = publicPath + file;
          script.async = true;
          script.onload = function () {
            resolve();
          };
          script.onerror = function () {
            delete files[file];
            reject(new Error(pluginId + ': loading chunk ' + script.src + ' failed'));
          };
          document.head.appendChild(script);
        });
      }
      return files[file];
    }

    function importModule(id) {
      var key = String(id).replace(/^\.\//, '');
      var needed = lazyFiles[key] || [];
      return Promise.all(needed.map(loadFile)).then(function () {
        return requireModule(key);
      });
    }

    var queueName = pluginId + '_bundle_jsonpfunction';
    var queue = (self[queueName] = self[queueName] || []);
    for (var q = 0; q < queue.length; q++) register(queue[q]);
    queue.push = function (entry) {
      register(entry);
      return queue.length;
    };
    return { register: register, require: requireModule };
  };
  return (
    `"use strict";(function(){` +
    `var runtime=(${runtime.toString()})(${JSON.stringify(pluginId)},${JSON.stringify(lazyFiles)});` +
    `runtime.register(${modules});` +
    `__kbnBundles__.define(${JSON.stringify(`plugin/${pluginId}/public`)},runtime.require,${JSON.stringify(entryModuleId)});` +
    `})();\n`
  );
}
