import { createSelfSignedCertificate } from '../../../test/graph_emulator/certificate';
import { MIN_REDACTED_LENGTH, redactSecrets } from './secret_redaction';

describe('redactSecrets', () => {
  const secret = 'Qx8Q~abcdefghijklmnopqrstuvwxyz0123456789'; // Entra ID's 40 characters

  it('removes a secret long enough to be one, as sent and as a form encodes it', () => {
    const credential = { kind: 'secret' as const, clientSecret: secret };
    expect(
      redactSecrets(`client_secret=${encodeURIComponent(secret)} or ${secret}.`, credential)
    ).toBe('client_secret=[redacted] or [redacted].');
  });

  it(`leaves values shorter than ${MIN_REDACTED_LENGTH} characters alone: they are words, not secrets`, () => {
    const text = 'AADSTS7000215: Invalid client secret provided. The fix: use the value.';
    for (const clientSecret of ['x', 'fix', 'e', 'x'.repeat(MIN_REDACTED_LENGTH - 1)]) {
      expect(redactSecrets(text, { kind: 'secret', clientSecret })).toBe(text);
    }
  });

  it("removes each long line of a PEM key's body, and not its short last line", () => {
    const { privateKeyPem } = createSelfSignedCertificate({ commonName: 'redaction' });
    const body = privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
    const last = body[body.length - 1]!;
    const credential = {
      kind: 'certificate' as const,
      privateKeyPem,
      thumbprint: 'a'.repeat(40),
    };
    const text = `echoed ${body[3]} and ${last.slice(0, 3)}`;
    expect(redactSecrets(text, credential)).toBe(`echoed [redacted] and ${last.slice(0, 3)}`);
  });
});
