import * as t from 'io-ts';

export const statusResponseCodec = t.type({
  kibanaVersion: t.string,
  elasticsearch: t.type({
    clusterName: t.string,
    version: t.string,
  }),
});

export type StatusResponse = t.TypeOf<typeof statusResponseCodec>;
