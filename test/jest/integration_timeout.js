// Integration tests wait on a real Elasticsearch and real timers: allow a minute per test.
jest.setTimeout(60_000);
