import * as t from 'io-ts';

const fleetTemplateCodec = t.type({
  name: t.string,
  priority: t.number,
  indexPatterns: t.array(t.string),
});

/**
 * Elastic's Fleet integration for the same dataset, as found on the cluster by Kibana's own user:
 * its index templates (and the pipelines they set) next to ours.
 */
export const fleetPackageCodec = t.union([
  t.type({ state: t.literal('absent') }),
  t.type({
    state: t.literal('present'),
    templates: t.array(fleetTemplateCodec),
    /** The default and final pipelines its templates set: never run on our documents. */
    pipelines: t.array(t.string),
    /** Priority of our namespace templates, above every template of the integration. */
    ourPriority: t.number,
    /** The namespaces we write, each with its own template. */
    ourNamespaces: t.array(t.string),
    /** Namespaces of ours the integration also has a namespace template for: ours win there. */
    sharedNamespaces: t.array(t.string),
  }),
  /** The templates could not be read (a privilege is missing): why. */
  t.type({ state: t.literal('unknown'), reason: t.string }),
]);
export type FleetPackage = t.TypeOf<typeof fleetPackageCodec>;

export const statusResponseCodec = t.intersection([
  t.type({
    kibanaVersion: t.string,
    elasticsearch: t.type({
      clusterName: t.string,
      version: t.string,
    }),
    /** Whether Kibana has `xpack.encryptedSavedObjects.encryptionKey`: without it no connection can be saved. */
    canEncrypt: t.boolean,
    fleetPackage: fleetPackageCodec,
  }),
  /** Why the plugin cannot serve yet (its Elasticsearch templates are not installed); absent once it can. */
  t.partial({ notReadyReason: t.string }),
]);

export type StatusResponse = t.TypeOf<typeof statusResponseCodec>;
