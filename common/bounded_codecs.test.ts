import * as t from 'io-ts';
import { isLeft, isRight } from 'fp-ts/Either';
import { formatCodecErrors } from './codec_errors';
import { boundedList, closedObject, plainText } from './bounded_codecs';

function errorsOf(codec: t.Decoder<unknown, unknown>, value: unknown) {
  const decoded = codec.decode(value);
  return isLeft(decoded) ? formatCodecErrors(decoded.left) : [];
}

describe('plainText', () => {
  const note = t.type({ note: plainText(10) });

  it('takes 1 to max characters with something besides spaces', () => {
    expect(isRight(note.decode({ note: 'a' }))).toBe(true);
    expect(isRight(note.decode({ note: 'x'.repeat(10) }))).toBe(true);
    for (const wrong of ['', '   ', 'x'.repeat(11)]) {
      expect(errorsOf(note, { note: wrong })).toEqual([
        'note: must be 1 to 10 characters, without control characters',
      ]);
    }
  });

  it('refuses line breaks, escape codes and NUL', () => {
    for (const wrong of ['a\nb', '\u001b[31mred', 'a\u0000']) {
      expect(errorsOf(note, { note: wrong })).toEqual([
        'note: must be 1 to 10 characters, without control characters',
      ]);
    }
  });
});

describe('boundedList', () => {
  const codec = t.type({ ids: boundedList(plainText(5), 3, 'IDs') });

  it('takes up to max items, each checked', () => {
    expect(isRight(codec.decode({ ids: ['a', 'b', 'c'] }))).toBe(true);
    expect(errorsOf(codec, { ids: ['a', ''] })).toEqual([
      'ids.1: must be 1 to 5 characters, without control characters',
    ]);
  });

  it('refuses a longer list with one message stating the bound, not one per item', () => {
    expect(errorsOf(codec, { ids: Array.from({ length: 5000 }, () => '') })).toEqual([
      'ids: must hold at most 3 IDs',
    ]);
  });

  it('refuses what is not a list', () => {
    expect(errorsOf(codec, { ids: 'a' })).toEqual(['ids: must be a list of at most 3 IDs']);
  });
});

describe('closedObject', () => {
  const settings = t.type({
    outer: closedObject({ name: t.string }, { size: t.number }, 'a setting'),
  });

  it('takes its required and optional keys', () => {
    expect(isRight(settings.decode({ outer: { name: 'a' } }))).toBe(true);
    expect(isRight(settings.decode({ outer: { name: 'a', size: 1 } }))).toBe(true);
  });

  it('names each unknown key beside the other problems, with the full path', () => {
    expect(errorsOf(settings, { outer: { name: 1, colour: 'blue', sise: 2 } })).toEqual([
      'outer.colour: is not a known setting (known: name, size)',
      'outer.sise: is not a known setting (known: name, size)',
      'outer.name: expected string, got 1',
    ]);
    expect(errorsOf(settings, { outer: 'text' })).toEqual([
      'outer: expected a setting, got "text"',
    ]);
  });
});
