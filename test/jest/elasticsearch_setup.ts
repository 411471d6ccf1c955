import { ensureElasticsearch, type EsNode } from '../es/es_node';

declare global {
  // Kept between globalSetup and globalTeardown, which run in the same process.
  var emtElasticsearch: EsNode | undefined;
}

/** Tests use ES_URL when it is set; otherwise they start their own node. */
export default async function setup() {
  if (globalThis.emtElasticsearch) return;
  const node = await ensureElasticsearch('jest');
  globalThis.emtElasticsearch = node;
  process.env.ES_URL = node.url;
}
