// Browser tests start a host, build its bundle and drive Chromium: allow two minutes per test.
jest.setTimeout(120_000);
