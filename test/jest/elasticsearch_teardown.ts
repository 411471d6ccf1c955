export default async function teardown() {
  const node = globalThis.emtElasticsearch;
  globalThis.emtElasticsearch = undefined;
  await node?.stop();
}
