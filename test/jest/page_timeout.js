// Page tests render whole EUI pages in jsdom, several times each: one takes up to 5 s on a quiet
// 2-core machine and several times that while CI's other projects share it. Allow 30 s per test;
// the waits inside a test keep their own, shorter bounds.
jest.setTimeout(30_000);
