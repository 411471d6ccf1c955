import * as t from 'io-ts';

export const statusResponseCodec = t.intersection([
  t.type({
    kibanaVersion: t.string,
    elasticsearch: t.type({
      clusterName: t.string,
      version: t.string,
    }),
    /** Whether Kibana has `xpack.encryptedSavedObjects.encryptionKey`: without it no connection can be saved. */
    canEncrypt: t.boolean,
  }),
  /** Why the plugin cannot serve yet (its Elasticsearch templates are not installed); absent once it can. */
  t.partial({ notReadyReason: t.string }),
]);

export type StatusResponse = t.TypeOf<typeof statusResponseCodec>;
