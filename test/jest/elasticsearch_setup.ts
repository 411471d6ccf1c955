import { ensureElasticsearch, type EsNode } from '../es/es_node';
import { prepareSecuredNode } from '../es/security_fixtures';

declare global {
  // Kept between globalSetup and globalTeardown, which run in the same process.
  var emtElasticsearch: EsNode | undefined;
}

/**
 * Tests use ES_URL when it is set (with a superuser's credentials in it); otherwise they start
 * their own secured node. Either way the fixtures' users and roles are made through the security API.
 */
export default async function setup() {
  if (globalThis.emtElasticsearch) return;
  const node = await ensureElasticsearch('jest');
  globalThis.emtElasticsearch = node;
  process.env.ES_URL = node.url;
  await prepareSecuredNode(node.url);
}
